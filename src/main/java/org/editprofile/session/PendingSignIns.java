package org.editprofile.session;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization requests of one session, keyed by state, so several tabs can sign in at once.
 * Immutable: every change returns a new value that the caller stores back in the session, which
 * keeps session replication honest. Entries expire and the map is bounded, so a flood of sign-in
 * requests cannot grow a session without limit.
 */
public final class PendingSignIns implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final int MAX_PENDING = 8;

  private final LinkedHashMap<String, PendingSignIn> byState;

  /** States already answered, remembered (bounded) so a replayed response is named as such. */
  private final ArrayDeque<String> spent;

  private PendingSignIns(LinkedHashMap<String, PendingSignIn> byState, ArrayDeque<String> spent) {
    this.byState = byState;
    this.spent = spent;
  }

  public static PendingSignIns empty() {
    return new PendingSignIns(new LinkedHashMap<>(), new ArrayDeque<>());
  }

  /** Adds one, dropping expired entries and then the oldest beyond the bound. */
  public PendingSignIns with(PendingSignIn pending, Instant now) {
    LinkedHashMap<String, PendingSignIn> copy = live(now);
    copy.put(pending.state(), pending);
    while (copy.size() > MAX_PENDING) {
      String oldest = copy.keySet().iterator().next();
      copy.remove(oldest);
    }
    return new PendingSignIns(copy, spent);
  }

  /** The entry for this state if it exists and has not expired. */
  public Optional<PendingSignIn> find(String state, Instant now) {
    return Optional.ofNullable(byState.get(state)).filter(p -> !isExpired(p, now));
  }

  /** Whether the state was issued here, even if it has expired since. */
  public boolean knows(String state) {
    return byState.containsKey(state);
  }

  /** Removes the entry: its state is spent and can never be used again. */
  public PendingSignIns without(String state) {
    LinkedHashMap<String, PendingSignIn> copy = new LinkedHashMap<>(byState);
    copy.remove(state);
    ArrayDeque<String> spentCopy = new ArrayDeque<>(spent);
    spentCopy.addLast(state);
    while (spentCopy.size() > MAX_PENDING) {
      spentCopy.removeFirst();
    }
    return new PendingSignIns(copy, spentCopy);
  }

  /** Whether a response for this state was already handled in this session. */
  public boolean isSpent(String state) {
    return spent.contains(state);
  }

  public boolean isEmpty() {
    return byState.isEmpty();
  }

  private LinkedHashMap<String, PendingSignIn> live(Instant now) {
    LinkedHashMap<String, PendingSignIn> copy = new LinkedHashMap<>();
    for (Map.Entry<String, PendingSignIn> entry : byState.entrySet()) {
      if (!isExpired(entry.getValue(), now)) {
        copy.put(entry.getKey(), entry.getValue());
      }
    }
    return copy;
  }

  private static boolean isExpired(PendingSignIn pending, Instant now) {
    return pending.expiresAt().isBefore(now);
  }
}
