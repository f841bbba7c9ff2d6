package org.editprofile.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds the server state that visitors who are not signed in can create. Each cookieless {@code
 * GET /auth/signin} needs a session for its pending sign-in; without a bound, one client could fill
 * the heap with them. So a visitor's session lives only as long as a sign-in may take (not the
 * usual idle timeout), and at most {@code capacity} of them exist at once: beyond that the oldest
 * is ended. Nobody is refused; under a flood, a visitor whose sign-in was pushed out is sent
 * through sign-in again once (the callback's restart). The session outlives the sign-in timeout by
 * a minute, so a visitor who comes back a little late is told the sign-in took too long.
 *
 * <p>A session leaves this bound when its id changes, which happens exactly when someone signs in
 * in it; it then gets the container's usual idle timeout back.
 */
public final class AnonymousSignInSessions implements HttpSessionListener, HttpSessionIdListener {

  /** About 1.3 KB each: at most some 13 MB of visitors' sign-in state per node. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private static final Duration GRACE = Duration.ofMinutes(1);

  private final int capacity;
  private final int lifetimeSeconds;
  private final boolean tracked;
  private final Map<String, HttpSession> byId = new LinkedHashMap<>();

  public AnonymousSignInSessions(int capacity, Duration signInTimeout) {
    this(capacity, signInTimeout, true);
  }

  private AnonymousSignInSessions(int capacity, Duration signInTimeout, boolean tracked) {
    this.capacity = capacity;
    this.lifetimeSeconds = (int) Math.min(Integer.MAX_VALUE, signInTimeout.plus(GRACE).toSeconds());
    this.tracked = tracked;
  }

  /**
   * For sessions in a shared store: no node's heap holds them, and the store's own expiry ends
   * them, so a visitor's session is only given the short lifetime (and signing in gives the usual
   * one back, see {@link org.editprofile.web.HttpSessionStore#renewId()}).
   */
  public static AnonymousSignInSessions shortLivedOnly(Duration signInTimeout) {
    return new AnonymousSignInSessions(Integer.MAX_VALUE, signInTimeout, false);
  }

  /** Counts this request's session as a visitor's sign-in session (once). */
  public void admit(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return;
    }
    if (!tracked) {
      if (session.isNew()) {
        session.setMaxInactiveInterval(lifetimeSeconds);
      }
      return;
    }
    List<HttpSession> evicted = new ArrayList<>();
    synchronized (byId) {
      if (byId.putIfAbsent(session.getId(), session) == null) {
        session.setMaxInactiveInterval(lifetimeSeconds);
      }
      Iterator<HttpSession> oldest = byId.values().iterator();
      while (byId.size() > capacity && oldest.hasNext()) {
        evicted.add(oldest.next());
        oldest.remove();
      }
    }
    // Outside the lock: ending a session calls back into sessionDestroyed.
    for (HttpSession old : evicted) {
      try {
        old.invalidate();
      } catch (IllegalStateException alreadyEnded) {
        // ended meanwhile
      }
    }
  }

  /** How many visitors' sign-in sessions exist now. */
  public int size() {
    synchronized (byId) {
      return byId.size();
    }
  }

  @Override
  public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
    HttpSession removed;
    synchronized (byId) {
      removed = byId.remove(oldSessionId);
    }
    if (removed != null) {
      HttpSession session = event.getSession();
      session.setMaxInactiveInterval(session.getServletContext().getSessionTimeout() * 60);
    }
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    synchronized (byId) {
      byId.remove(event.getSession().getId());
    }
  }
}
