package org.editprofile.devtenant;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Switchable failures of the dev tenant's Graph, for tests: the next N Graph calls answer 429 with
 * Retry-After, 503, a claims challenge, or are delayed.
 */
public final class Faults {

  public enum Kind {
    NONE,
    THROTTLE,
    UNAVAILABLE,
    CLAIMS_CHALLENGE,
    SLOW,
    FORBIDDEN
  }

  /** What to do and how many more times. */
  public record Fault(Kind kind, int remaining, long retryAfterSeconds, long delayMillis) {}

  private final AtomicReference<Fault> next = new AtomicReference<>(new Fault(Kind.NONE, 0, 0, 0));

  public void set(Kind kind, int times, long retryAfterSeconds, long delayMillis) {
    next.set(new Fault(kind, times, retryAfterSeconds, delayMillis));
  }

  public void clear() {
    set(Kind.NONE, 0, 0, 0);
  }

  /** Takes one use of the current fault, or NONE. */
  Fault take() {
    while (true) {
      Fault current = next.get();
      if (current.kind() == Kind.NONE || current.remaining() <= 0) {
        return new Fault(Kind.NONE, 0, 0, 0);
      }
      Fault after =
          new Fault(
              current.kind(),
              current.remaining() - 1,
              current.retryAfterSeconds(),
              current.delayMillis());
      if (next.compareAndSet(current, after)) {
        return current;
      }
    }
  }
}
