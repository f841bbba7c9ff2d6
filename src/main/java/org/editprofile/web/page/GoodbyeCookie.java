package org.editprofile.web.page;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/**
 * Carries "the account was just deleted" across the tenant's sign-out, which returns the browser to
 * the post-logout redirect URI (the home page by default) with no session left to say it. It names
 * nothing but that, and lives for ten minutes or until the home page has shown the goodbye.
 */
final class GoodbyeCookie {

  private static final Duration LIFETIME = Duration.ofMinutes(10);

  private final String name;
  private final boolean secure;

  GoodbyeCookie(boolean secure) {
    this.secure = secure;
    this.name = secure ? "__Host-goodbye" : "goodbye";
  }

  void write(HttpServletResponse response) {
    response.addCookie(cookie("1", (int) LIFETIME.toSeconds()));
  }

  /** Whether the request carries it; if so, it is cleared: the goodbye shows once. */
  boolean take(HttpServletRequest request, HttpServletResponse response) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return false;
    }
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName())) {
        response.addCookie(cookie("", 0));
        return true;
      }
    }
    return false;
  }

  private Cookie cookie(String value, int maxAge) {
    Cookie cookie = new Cookie(name, value);
    cookie.setPath("/");
    cookie.setMaxAge(maxAge);
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    cookie.setAttribute("SameSite", "Lax");
    return cookie;
  }
}
