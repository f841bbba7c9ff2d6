package org.editprofile.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.editprofile.config.Configuration;

/** {@code GET /health}: JSON for load balancers and orchestrators; no auth, no secrets. */
@WebServlet("/health")
public final class HealthServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean configured =
        getServletContext().getAttribute(AppContextListener.CONFIGURATION)
            instanceof Configuration.Ready;
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
