package org.editprofile.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.editprofile.Routes;
import org.editprofile.i18n.Language;
import org.editprofile.i18n.Messages;

/**
 * Decides each page's language (the switcher's cookie, else the browser's Accept-Language among the
 * shipped ones, else English) and hands the views that language's texts, as {@code ${msg['key']}}.
 */
public final class LanguageFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The request attribute the views read as {@code ${lang}}. */
  public static final String ATTRIBUTE = "lang";

  /** The request attribute the views read their words from: {@code ${msg['key']}}. */
  static final String TEXTS = "msg";

  /** Distinct Accept-Language headers are few; parsing one costs more than the page's lookup. */
  private static final int MAX_REMEMBERED = 512;

  private final transient LanguageCookie cookie;
  private final transient Map<String, Language> negotiated = new ConcurrentHashMap<>();
  private final transient Messages messages;

  LanguageFilter(Messages messages, LanguageCookie cookie) {
    this.cookie = cookie;
    this.messages = messages;
  }

  /** For an app whose address is https (the cookie is then Secure and {@code __Host-}). */
  public static LanguageFilter create(Messages messages, boolean https) {
    return new LanguageFilter(messages, new LanguageCookie(https));
  }

  public LanguageCookie cookie() {
    return cookie;
  }

  /** {@link Language#negotiate}, remembered per header (bounded: cleared when full). */
  private Language negotiate(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.length() > Language.MAX_HEADER_LENGTH) {
      return Language.negotiate(acceptLanguage);
    }
    Language known = negotiated.get(acceptLanguage);
    if (known != null) {
      return known;
    }
    Language chosen = Language.negotiate(acceptLanguage);
    if (negotiated.size() >= MAX_REMEMBERED) {
      negotiated.clear();
    }
    negotiated.put(acceptLanguage, chosen);
    return chosen;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (Routes.isStatic(request.getServletPath())) {
      chain.doFilter(request, response);
      return;
    }
    Language language =
        cookie.read(request).orElseGet(() -> negotiate(request.getHeader("Accept-Language")));
    request.setAttribute(ATTRIBUTE, language);
    request.setAttribute(TEXTS, messages.texts(language));
    // Pages are never cached (Cache-Control: no-store), so no Vary is needed for this.
    response.setHeader("Content-Language", language.tag());
    chain.doFilter(request, response);
  }
}
