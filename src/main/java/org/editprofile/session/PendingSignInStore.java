package org.editprofile.session;

import java.util.List;
import java.util.Optional;

/**
 * Where the authorization requests a browser has not come back from are kept: with the browser
 * itself (a sealed cookie each, see the web layer's {@code PendingSignInCookies}), never on the
 * server, so visitors who are not signed in cost no server state at all. Tests use a map.
 */
public interface PendingSignInStore {

  /** The pending sign-ins this browser holds and that could be opened, in no particular order. */
  List<PendingSignIn> all();

  /** The pending sign-in with exactly this state, if the browser holds it (even if expired). */
  Optional<PendingSignIn> find(String state);

  /** Remembers one more. */
  void add(PendingSignIn pending);

  /** Forgets the one with this state, and anything this browser holds that cannot be opened. */
  void remove(String state);
}
