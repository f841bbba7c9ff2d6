package org.editprofile.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.editprofile.Routes;
import org.editprofile.http.LogSafe;
import org.editprofile.i18n.Text;
import org.editprofile.session.UserSession;
import org.editprofile.web.session.HttpSessionStore;
import org.editprofile.web.view.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every state-changing browser request must carry the session's CSRF token. Two POST routes are
 * exempt because they are protected otherwise: the tenant's form_post to /auth/redirect (by the
 * single-use state) and the bearer-token API under /api/. A visitor who is not signed in has no
 * session, so no token, yet may switch the language: that one POST is then accepted only when the
 * browser says it comes from this app's own origin (Origin, else Sec-Fetch-Site), never without
 * either.
 */
public final class CsrfFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(CsrfFilter.class);
  public static final String PARAMETER = "_csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The app's public origin, "https://host[:port]", from its registered redirect URI. */
  private final String ownOrigin;

  public CsrfFilter(URI appAddress) {
    this.ownOrigin = origin(appAddress);
  }

  /** The session's CSRF token, created on first use (pages for a signed-in user carry it). */
  public static String tokenFor(UserSession session) {
    Optional<String> existing = session.csrfToken();
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.setCsrfToken(token);
    return token;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getServletPath();
    boolean safeMethod =
        "GET".equals(request.getMethod())
            || "HEAD".equals(request.getMethod())
            || "OPTIONS".equals(request.getMethod());
    // /metrics is for a scraper with a bearer token, never a browser's form: any method there
    // must get its plain 404, not a refusal that shows the address means something.
    if (safeMethod
        || path.equals(Routes.SIGN_IN_CALLBACK)
        || Routes.isApi(path)
        || path.equals(Routes.METRICS)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> expected = HttpSessionStore.userSession(request, response).csrfToken();
    if (expected.isEmpty() && path.equals(Routes.LANGUAGE) && fromOwnOrigin(request)) {
      chain.doFilter(request, response);
      return;
    }
    String presented = request.getParameter(PARAMETER);
    if (expected.isEmpty()
        || presented == null
        || !MessageDigest.isEqual(
            expected.get().getBytes(StandardCharsets.UTF_8),
            presented.getBytes(StandardCharsets.UTF_8))) {
      LOG.warn(
          "Refused a {} to {} without a valid CSRF token",
          LogSafe.clean(request.getMethod()),
          LogSafe.clean(path));
      Views.error(
          request,
          response,
          HttpServletResponse.SC_FORBIDDEN,
          Text.of("error.refused.title"),
          Text.of("error.refused.message"));
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether the browser vouches that this request comes from a page of this app: its Origin header
   * is this app's origin or, where a browser sent no Origin, Sec-Fetch-Site is same-origin.
   */
  private boolean fromOwnOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin != null) {
      return origin.equalsIgnoreCase(ownOrigin);
    }
    return "same-origin".equals(request.getHeader("Sec-Fetch-Site"));
  }

  private static String origin(URI address) {
    String scheme = address.getScheme().toLowerCase(Locale.ROOT);
    int port = address.getPort();
    boolean defaultPort =
        port == -1
            || ("https".equals(scheme) && port == 443)
            || ("http".equals(scheme) && port == 80);
    return scheme
        + "://"
        + address.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }
}
