package org.editprofile.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import org.editprofile.session.SessionStore;
import org.editprofile.session.UserSession;

/** The container's {@link HttpSession} behind {@link SessionStore}: created on first write only. */
public final class HttpSessionStore implements SessionStore {

  private static final String LOCK = "web.sessionLock";

  private final HttpServletRequest request;

  private HttpSessionStore(HttpServletRequest request) {
    this.request = request;
  }

  /** The typed session of this request. */
  public static UserSession userSession(HttpServletRequest request) {
    return new UserSession(new HttpSessionStore(request));
  }

  @Override
  public Object get(String name) {
    HttpSession session = request.getSession(false);
    return session == null ? null : session.getAttribute(name);
  }

  @Override
  public void set(String name, Serializable value) {
    request.getSession(true).setAttribute(name, value);
  }

  @Override
  public void remove(String name) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(name);
    }
  }

  /**
   * Also gives the session the container's usual idle timeout: a visitor's sign-in session was
   * short-lived ({@link AnonymousSignInSessions}), a signed-in one is not.
   */
  @Override
  public void renewId() {
    HttpSession session = request.getSession(true);
    request.changeSessionId();
    int usual = request.getServletContext().getSessionTimeout() * 60;
    if (session.getMaxInactiveInterval() != usual) {
      request.getSession(false).setMaxInactiveInterval(usual);
    }
  }

  @Override
  public void invalidate() {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /**
   * One lock object per session, kept in the session. Only its creation synchronizes on the
   * container's session object, which Tomcat and Jetty keep one of per session.
   */
  @Override
  public Object lock() {
    HttpSession session = request.getSession(true);
    Object lock = session.getAttribute(LOCK);
    if (lock == null) {
      synchronized (session) {
        lock = session.getAttribute(LOCK);
        if (lock == null) {
          lock = new Lock();
          session.setAttribute(LOCK, lock);
        }
      }
    }
    return lock;
  }

  /** A serializable lock object: after a session is restored elsewhere it is simply a new lock. */
  private static final class Lock implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
