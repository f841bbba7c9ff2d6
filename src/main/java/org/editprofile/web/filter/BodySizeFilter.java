package org.editprofile.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.editprofile.Routes;
import org.editprofile.i18n.Text;
import org.editprofile.web.view.Views;

/**
 * Refuses oversized form posts before anything reads them. The largest legitimate form (every
 * profile field at its limit) is about 3 KB; the tenant's form_post is smaller still. A form body
 * without a declared length (chunked) could not be checked up front, and browsers always declare
 * it, so it gets 411. The API counts the bytes it reads instead and answers with problem+json.
 */
public final class BodySizeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final long MAX_FORM_BYTES = 64 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (Routes.isApi(request.getServletPath())) {
      chain.doFilter(request, response);
      return;
    }
    long length = request.getContentLengthLong();
    if (length < 0 && carriesBody(request.getMethod())) {
      Views.error(
          request,
          response,
          411,
          Text.of("error.lengthRequired.title"),
          Text.of("error.lengthRequired.message"));
      return;
    }
    if (length > MAX_FORM_BYTES) {
      Views.error(
          request,
          response,
          413,
          Text.of("error.tooLarge.title"),
          Text.of("error.tooLarge.message"));
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean carriesBody(String method) {
    return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
  }
}
