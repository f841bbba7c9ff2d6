package org.editprofile;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.editprofile.http.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work done once at start-up so that the first customer does not wait for it: each step
 * fetches, loads and first runs what every sign-in or profile page needs (docs/performance.md says
 * what that saves and how to take it out). The composition root lists the steps; this runs them in
 * order, times each for the start-up log, and treats a step that fails as a lost head start only:
 * logged, never fatal, since the first request does the same work anyway.
 */
final class StartUpWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(StartUpWarmUp.class);

  private record Step(String name, Runnable work) {}

  private final List<Step> steps = new ArrayList<>();

  /** Adds a step, run after those added before it. */
  void add(String name, Runnable work) {
    steps.add(new Step(name, work));
  }

  /** Runs every step once, in order; the steps are then forgotten. */
  void run() {
    if (steps.isEmpty()) {
      return;
    }
    StringJoiner timings = new StringJoiner(", ");
    long started = System.nanoTime();
    for (Step step : steps) {
      long stepStarted = System.nanoTime();
      try {
        step.work().run();
        timings.add(step.name() + " " + millisSince(stepStarted) + " ms");
      } catch (RuntimeException e) {
        timings.add(step.name() + " failed");
        LOG.warn(
            "Start-up step '{}' did not complete; the first request will do its work: {}",
            step.name(),
            LogSafe.rootCause(e));
      }
    }
    steps.clear();
    LOG.info("Warmed up in {} ms ({})", millisSince(started), timings);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
