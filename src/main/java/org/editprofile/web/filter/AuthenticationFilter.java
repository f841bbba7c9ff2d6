package org.editprofile.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.editprofile.Routes;
import org.editprofile.web.session.HttpSessionStore;
import org.editprofile.web.view.Views;

/** Pages under /users/ need a signed-in user; a visitor is sent to sign in and brought back. */
public final class AuthenticationFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (HttpSessionStore.userSession(request, response).user().isPresent()) {
      chain.doFilter(request, response);
      return;
    }
    // Only a GET can be replayed after sign-in; other methods come back to the page they came from.
    String returnPath =
        "GET".equals(request.getMethod())
            ? request.getServletPath()
                + (request.getPathInfo() == null ? "" : request.getPathInfo())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString())
            : Routes.EDIT_PROFILE_FORM;
    Views.redirectInApp(
        request,
        response,
        Routes.SIGN_IN + "?redirectTo=" + URLEncoder.encode(returnPath, StandardCharsets.UTF_8));
  }
}
