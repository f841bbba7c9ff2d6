package org.editprofile.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.editprofile.auth.UserSession;
import org.editprofile.http.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every state-changing browser request must carry the session's CSRF token. Two POST routes are
 * exempt because they are protected otherwise: the tenant's form_post to /auth/redirect (by the
 * single-use state) and the bearer-token API under /api/.
 */
public final class CsrfFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(CsrfFilter.class);
  public static final String PARAMETER = "_csrf";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getServletPath();
    boolean safeMethod =
        "GET".equals(request.getMethod())
            || "HEAD".equals(request.getMethod())
            || "OPTIONS".equals(request.getMethod());
    if (safeMethod || path.equals("/auth/redirect") || path.startsWith("/api/")) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> expected = UserSession.of(request).existingCsrfToken();
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
          "Request refused",
          "This form has expired or did not come from this site. Go back, reload the page and try again.");
      return;
    }
    chain.doFilter(request, response);
  }
}
