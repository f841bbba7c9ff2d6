package org.editprofile.session;

import java.io.Serializable;
import java.util.Set;

/**
 * The container's session, as {@link UserSession} needs it. Reading never creates a session;
 * writing does. The web layer adapts {@code HttpSession} to this; tests use a map. A new session
 * store (Redis, a container's own manager) starts here.
 */
public interface SessionStore {

  /** The attribute's value, or null when absent or when there is no session. */
  Object get(String name);

  /** Stores the value, creating the session if needed. */
  void set(String name, Serializable value);

  /** Removes the attribute; no session is created. */
  void remove(String name);

  /** A new id for the same session, created if needed, so a fixed or stolen id is worthless. */
  void renewId();

  /** Ends the session, if there is one. */
  void invalidate();

  /** The names of the session's attributes; empty when there is no session. */
  Set<String> names();
}
