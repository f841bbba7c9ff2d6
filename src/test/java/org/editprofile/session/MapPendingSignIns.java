package org.editprofile.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pending sign-ins held in a map, as one browser's cookies would hold them, for tests. */
public final class MapPendingSignIns implements PendingSignInStore {

  private final Map<String, PendingSignIn> byState = new LinkedHashMap<>();

  @Override
  public synchronized List<PendingSignIn> all() {
    return new ArrayList<>(byState.values());
  }

  @Override
  public synchronized Optional<PendingSignIn> find(String state) {
    return Optional.ofNullable(byState.get(state));
  }

  @Override
  public synchronized void add(PendingSignIn pending) {
    byState.put(pending.state(), pending);
  }

  @Override
  public synchronized void remove(String state) {
    byState.remove(state);
  }
}
