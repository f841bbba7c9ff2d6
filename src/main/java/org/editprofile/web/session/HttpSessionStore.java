package org.editprofile.web.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

  /** The typed session of this request, with the pending sign-ins its browser holds. */
  public static UserSession userSession(HttpServletRequest request, HttpServletResponse response) {
    return new UserSession(
        new HttpSessionStore(request), PendingSignInCookies.of(request, response));
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

  @Override
  public void renewId() {
    request.getSession(true);
    request.changeSessionId();
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
