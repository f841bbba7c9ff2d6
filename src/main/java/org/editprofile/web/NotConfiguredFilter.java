package org.editprofile.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.editprofile.Routes;

/**
 * Installed instead of the app while settings are missing or bad: every page explains which ones
 * (never their values).
 */
public final class NotConfiguredFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public NotConfiguredFilter(List<String> problems) {
    this.problems = List.copyOf(problems);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getServletPath();
    if (Routes.isStatic(path) || path.equals(Routes.HEALTH)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    request.setAttribute("problems", problems);
    Views.render(request, response, View.NOT_CONFIGURED);
  }
}
