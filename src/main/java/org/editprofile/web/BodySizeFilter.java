package org.editprofile.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.editprofile.Routes;

/**
 * Refuses oversized form posts before anything reads them. The largest legitimate form (every
 * profile field at its limit) is about 3 KB; the tenant's form_post is smaller still. The API
 * enforces its own limit with a problem+json answer.
 */
public final class BodySizeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final long MAX_FORM_BYTES = 64 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getContentLengthLong() > MAX_FORM_BYTES
        && !Routes.isApi(request.getServletPath())) {
      Views.error(
          request,
          response,
          413,
          "Request too large",
          "This request is larger than any form of this site. Go back and try again.");
      return;
    }
    chain.doFilter(request, response);
  }
}
