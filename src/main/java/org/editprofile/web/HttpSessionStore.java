package org.editprofile.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.editprofile.session.SessionStore;
import org.editprofile.session.UserSession;

/** The container's {@link HttpSession} behind {@link SessionStore}: created on first write only. */
public final class HttpSessionStore implements SessionStore {

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

  @Override
  public Set<String> names() {
    HttpSession session = request.getSession(false);
    return session == null
        ? Set.of()
        : new HashSet<>(Collections.list(session.getAttributeNames()));
  }
}
