package org.editprofile.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.editprofile.Routes;

/**
 * Headers on every response: a CSP without inline script, no MIME sniffing, no framing, no referrer
 * (so an authorization code in a callback URL never leaks), and no caching of pages, which show
 * profile data.
 */
public final class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (!Routes.isStatic(request.getServletPath())) {
      response.setHeader("Cache-Control", "no-store");
    } else {
      response.setHeader("Cache-Control", "public, max-age=3600");
    }
    chain.doFilter(request, response);
  }
}
