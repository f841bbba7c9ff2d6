package org.editprofile.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization requests of one browser, keyed by state, so several tabs can sign in at once: a
 * read-only view of what the browser holds ({@link PendingSignInStore}) and of the states its
 * signed-in session already spent. Each pending sign-in is kept on its own, so two tabs, or two
 * nodes, adding or spending different states never rewrite one shared value and cannot lose each
 * other's. Entries expire and the number kept is bounded, so a flood of sign-in requests cannot
 * grow what a browser sends without limit.
 */
public final class PendingSignIns {

  /** Tabs signing in at once; each is a cookie sent with every request until it is answered. */
  public static final int MAX_PENDING = 4;

  private final Map<String, PendingSignIn> byState;
  private final Map<String, Instant> spent;

  private PendingSignIns(Map<String, PendingSignIn> byState, Map<String, Instant> spent) {
    this.byState = byState;
    this.spent = spent;
  }

  /**
   * @param pending the session's pending sign-ins
   * @param spent the states already answered, with when
   */
  public static PendingSignIns of(Collection<PendingSignIn> pending, Map<String, Instant> spent) {
    Map<String, PendingSignIn> byState = new LinkedHashMap<>();
    for (PendingSignIn p : pending) {
      byState.put(p.state(), p);
    }
    return new PendingSignIns(byState, Map.copyOf(spent));
  }

  public static PendingSignIns empty() {
    return of(List.of(), Map.of());
  }

  /** The entry for this state if it exists and has not expired. */
  public Optional<PendingSignIn> find(String state, Instant now) {
    return Optional.ofNullable(byState.get(state)).filter(p -> !isExpired(p, now));
  }

  /** Whether the state was issued here, even if it has expired since. */
  public boolean knows(String state) {
    return byState.containsKey(state);
  }

  /** Whether a response for this state was already handled in this session. */
  public boolean isSpent(String state) {
    return spent.containsKey(state);
  }

  public boolean isEmpty() {
    return byState.isEmpty();
  }

  /**
   * The states to forget once {@code added} joined the others: the expired ones, then the oldest
   * beyond {@link #MAX_PENDING}.
   */
  public List<String> toDropAfterAdding(PendingSignIn added, Instant now) {
    List<PendingSignIn> live = new ArrayList<>();
    List<String> drop = new ArrayList<>();
    for (PendingSignIn p : byState.values()) {
      if (isExpired(p, now)) {
        drop.add(p.state());
      } else if (!p.state().equals(added.state())) {
        live.add(p);
      }
    }
    live.sort(Comparator.comparing(PendingSignIn::expiresAt));
    for (int i = 0; i < live.size() - (MAX_PENDING - 1); i++) {
      drop.add(live.get(i).state());
    }
    return drop;
  }

  /** The spent states to forget: all but the newest {@link #MAX_PENDING}. */
  public List<String> spentToForget() {
    List<Map.Entry<String, Instant>> all = new ArrayList<>(spent.entrySet());
    all.sort(Map.Entry.comparingByValue());
    List<String> forget = new ArrayList<>();
    for (int i = 0; i < all.size() - MAX_PENDING; i++) {
      forget.add(all.get(i).getKey());
    }
    return forget;
  }

  private static boolean isExpired(PendingSignIn pending, Instant now) {
    return pending.expiresAt().isBefore(now);
  }
}
