package org.editprofile.web.filter;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.editprofile.i18n.Language;

/**
 * Where the language switcher's choice is remembered: a cookie of its own (not the session), so it
 * holds before sign-in and after sign-out, on every node, and costs no session. Over https it is a
 * {@code __Host-} cookie, like the session's.
 */
public final class LanguageCookie {

  private static final Duration LIFETIME = Duration.ofDays(365);

  private final String name;
  private final boolean secure;

  LanguageCookie(boolean secure) {
    this.secure = secure;
    this.name = secure ? "__Host-lang" : "lang";
  }

  /** The shipped language the cookie names; empty without one or with anything else in it. */
  Optional<Language> read(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName())) {
        return Language.byTag(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  public void write(HttpServletResponse response, Language language) {
    Cookie cookie = new Cookie(name, language.tag());
    cookie.setPath("/");
    cookie.setMaxAge((int) LIFETIME.toSeconds());
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }
}
