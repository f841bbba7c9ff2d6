package org.editprofile.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.editprofile.config.Configuration;

/** While settings are missing or bad, every page explains which ones (never their values). */
public final class NotConfiguredFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Object configuration = getServletContext().getAttribute(AppContextListener.CONFIGURATION);
    String path = request.getServletPath();
    if (configuration instanceof Configuration.NotConfigured missing
        && !path.startsWith("/static/")
        && !path.equals("/health")) {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      request.setAttribute("problems", missing.problems());
      request.getRequestDispatcher("/WEB-INF/views/notConfigured.jsp").forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
