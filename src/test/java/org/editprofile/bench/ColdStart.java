package org.editprofile.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.editprofile.it.Browser;
import org.editprofile.it.Browser.Page;
import org.editprofile.it.DevTenantUser;
import org.editprofile.it.Journeys;

/**
 * The first sign-in and the first profile page after a fresh deploy (before anything else has
 * touched the server), then the same for a second customer: what the first visitors wait for.
 */
final class ColdStart {

  static final String FIRST_SIGN_IN = "first sign-in after deploy";
  static final String FIRST_PROFILE = "first profile page after deploy";

  /** Busier than this (all cores' share), the machine is still compiling or serving. */
  private static final double QUIET_MACHINE = 0.15;

  private static final Duration QUIET_WAIT_LIMIT = Duration.ofSeconds(30);

  private final LoadClient client;
  private final AppJvm app;
  private final long thinkMillis;
  private final CpuMeter tenantCpu = CpuMeter.devTenant();

  ColdStart(LoadClient client, AppJvm app, long thinkMillis) {
    this.client = client;
    this.app = app;
    this.thinkMillis = thinkMillis;
  }

  /**
   * Waits until the machine's cores are mostly idle over a quarter of a second, for at most {@link
   * #QUIET_WAIT_LIMIT}: a machine that other work keeps busy is reported, not waited on forever.
   */
  static void awaitQuietMachine() throws InterruptedException {
    CpuMeter machine = CpuMeter.machine();
    int cores = Runtime.getRuntime().availableProcessors();
    long start = System.nanoTime();
    double busy = 1;
    while (System.nanoTime() - start < QUIET_WAIT_LIMIT.toNanos()) {
      long before = machine.nanos();
      long windowStart = System.nanoTime();
      Thread.sleep(250);
      busy = (machine.nanos() - before) / (double) (System.nanoTime() - windowStart) / cores;
      if (busy < QUIET_MACHINE) {
        break;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Before the cold start: waited %.1f s for the machine to quiet down (%.0f %% busy)%n",
        (System.nanoTime() - start) / 1e9,
        busy * 100);
  }

  /**
   * Times the two customers' steps; the first customer's sign-in and profile page go into {@code
   * windows}, for the flight recording.
   *
   * @return the report's section
   */
  String run(Map<String, Instant[]> windows) throws IOException, InterruptedException {
    String base = client.app();
    StringBuilder table =
        new StringBuilder(
            "## After a fresh deploy\n\n"
                + "| | Open sign-in (app → tenant page) | Submit credentials (tenant → callback →"
                + " home) | Profile page (Graph /me) | The same page again |\n"
                + "|---|---|---|---|---|\n");
    for (String who : List.of("first customer", "second customer")) {
      DevTenantUser user = client.newUser("cold", "Cold Start");
      Browser browser = new Browser();
      Instant started = Instant.now();
      StepTimer timer = new StepTimer();
      Page login = Journeys.openSignIn(browser, base, "/");
      Step open = timer.stop();
      timer = new StepTimer();
      Journeys.submitLogin(browser, login, user);
      Step submit = timer.stop();
      Instant home = Instant.now();
      // The customer reads the home page before following its link (THINK_MILLIS, default none).
      Thread.sleep(thinkMillis);
      Instant clicked = Instant.now();
      timer = new StepTimer();
      browser.get(base + "/users/gatedUpdateProfile");
      Step profile = timer.stop();
      windows.putIfAbsent(FIRST_SIGN_IN, new Instant[] {started, home});
      windows.putIfAbsent(FIRST_PROFILE, new Instant[] {clicked, Instant.now()});
      Thread.sleep(thinkMillis);
      timer = new StepTimer();
      browser.get(base + "/users/gatedUpdateProfile");
      Step again = timer.stop();
      System.out.printf(
          Locale.ROOT,
          "Cold start, %s: open sign-in %s, submit %s, profile %s, again %s%n",
          who,
          open,
          submit,
          profile,
          again);
      table.append(
          String.format(
              Locale.ROOT, "| %s | %s | %s | %s | %s |%n", who, open, submit, profile, again));
    }
    return table
        .append(
            "\nEach step's time, with the CPU the app's whole JVM spent meanwhile (of it, its"
                + " request threads', which load the classes a step needs first, and its JIT"
                + " compiler threads'; the rest is GC and the container's other threads), the"
                + " classes the app loaded and the JVM's time loading them (`jstat -class`), and"
                + " the dev tenant's request threads' CPU; on several cores the app's CPU can"
                + " exceed the step's time. Between the home page and each profile page the"
                + " customer paused "
                + thinkMillis
                + " ms (THINK_MILLIS).\n\n")
        .toString();
  }

  /**
   * One timed step: how long it took, the app's CPU (all of it, its request threads', its JIT
   * compilers'), the classes it loaded and the time that took, the tenant's CPU.
   */
  private record Step(
      long elapsedNanos,
      long appNanos,
      long requestNanos,
      long jitNanos,
      long classesLoaded,
      long classLoadingMillis,
      long tenantNanos) {

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%.1f ms (app CPU %.0f ms: requests %.0f, JIT %.0f; %d classes loaded in %d ms;"
              + " tenant %.0f ms)",
          elapsedNanos / 1e6,
          appNanos / 1e6,
          requestNanos / 1e6,
          jitNanos / 1e6,
          classesLoaded,
          classLoadingMillis,
          tenantNanos / 1e6);
    }
  }

  /** Started before a step, {@link #stop()} after it (the class counters read outside the time). */
  private final class StepTimer {
    private final long[] classesAtStart;
    private final long appAtStart;
    private final long requestsAtStart;
    private final long jitAtStart;
    private final long tenantAtStart;
    private final long start;

    StepTimer() throws IOException {
      this.classesAtStart = app.classesAndLoadingMillis();
      this.appAtStart = app.all().nanos();
      this.requestsAtStart = app.requests().nanos();
      this.jitAtStart = app.jit().nanos();
      this.tenantAtStart = tenantCpu.nanos();
      this.start = System.nanoTime();
    }

    Step stop() throws IOException {
      long elapsed = System.nanoTime() - start;
      long appNanos = app.all().nanos() - appAtStart;
      long requestNanos = app.requests().nanos() - requestsAtStart;
      long jitNanos = app.jit().nanos() - jitAtStart;
      long tenantNanos = tenantCpu.nanos() - tenantAtStart;
      long[] classes = app.classesAndLoadingMillis();
      return new Step(
          elapsed,
          appNanos,
          requestNanos,
          jitNanos,
          classes[0] - classesAtStart[0],
          classes[1] - classesAtStart[1],
          tenantNanos);
    }
  }
}
