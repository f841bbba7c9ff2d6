package org.editprofile.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /health} ({@link org.editprofile.Routes#HEALTH}): JSON for load balancers and
 * orchestrators; no auth, no secrets.
 */
public final class HealthServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final boolean configured;

  public HealthServlet(boolean configured) {
    this.configured = configured;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(configured ? 200 : 503);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            configured
                ? "{\"status\":\"UP\"}"
                : "{\"status\":\"DOWN\",\"reason\":\"not configured\"}");
  }
}
