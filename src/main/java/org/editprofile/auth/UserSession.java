package org.editprofile.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything the app keeps in the HTTP session, behind one typed facade. Each attribute is small
 * and serializable and is written back with setAttribute whenever it changes, so container session
 * persistence and replication see every change.
 */
public final class UserSession {

  static final String USER = "auth.user";
  static final String TOKEN_CACHE = "auth.tokenCache";
  static final String PENDING = "auth.pending";
  static final String CSRF = "web.csrf";
  static final String MUTEX = "auth.mutex";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpServletRequest request;

  private UserSession(HttpServletRequest request) {
    this.request = request;
  }

  public static UserSession of(HttpServletRequest request) {
    return new UserSession(request);
  }

  private Optional<HttpSession> existing() {
    return Optional.ofNullable(request.getSession(false));
  }

  private HttpSession session() {
    return request.getSession(true);
  }

  public Optional<SignedInUser> user() {
    return existing().map(s -> (SignedInUser) s.getAttribute(USER));
  }

  public Optional<String> tokenCache() {
    return existing().map(s -> (String) s.getAttribute(TOKEN_CACHE));
  }

  /** Stores the serialized MSAL token cache, only when it changed. */
  public void saveTokenCache(String serialized) {
    HttpSession session = session();
    if (!serialized.equals(session.getAttribute(TOKEN_CACHE))) {
      session.setAttribute(TOKEN_CACHE, serialized);
    }
  }

  /**
   * Completes a sign-in or step-up: a new session id (so a fixed or stolen pre-login id is
   * worthless), then the user and their tokens.
   */
  public void signIn(SignedInUser user, String tokenCache) {
    session();
    request.changeSessionId();
    HttpSession session = session();
    session.setAttribute(USER, user);
    session.setAttribute(TOKEN_CACHE, tokenCache);
  }

  public void invalidate() {
    existing().ifPresent(HttpSession::invalidate);
  }

  public PendingSignIns pendingSignIns() {
    return existing()
        .map(s -> (PendingSignIns) s.getAttribute(PENDING))
        .orElse(PendingSignIns.empty());
  }

  /**
   * Read-modify-write of the pending sign-ins, serialized per session so two tabs cannot lose one.
   */
  public PendingSignIns updatePendingSignIns(UnaryOperator<PendingSignIns> change) {
    HttpSession session = session();
    synchronized (mutex(session)) {
      PendingSignIns current = (PendingSignIns) session.getAttribute(PENDING);
      PendingSignIns next = change.apply(current == null ? PendingSignIns.empty() : current);
      session.setAttribute(PENDING, next);
      return next;
    }
  }

  /** The session's CSRF token, created on first use. */
  public String csrfToken() {
    HttpSession session = session();
    String token = (String) session.getAttribute(CSRF);
    if (token == null) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(CSRF, token);
    }
    return token;
  }

  /** The CSRF token if the session already has one; never creates a session. */
  public Optional<String> existingCsrfToken() {
    return existing().map(s -> (String) s.getAttribute(CSRF));
  }

  public Object attribute(String name) {
    return existing().map(s -> s.getAttribute(name)).orElse(null);
  }

  public void setAttribute(String name, Serializable value) {
    session().setAttribute(name, value);
  }

  public void removeAttribute(String name) {
    existing().ifPresent(s -> s.removeAttribute(name));
  }

  private static Object mutex(HttpSession session) {
    Object mutex = session.getAttribute(MUTEX);
    if (mutex == null) {
      synchronized (UserSession.class) {
        mutex = session.getAttribute(MUTEX);
        if (mutex == null) {
          mutex = new Mutex();
          session.setAttribute(MUTEX, mutex);
        }
      }
    }
    return mutex;
  }

  /** A serializable lock object: after a session is restored elsewhere it is simply a new lock. */
  private static final class Mutex implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
