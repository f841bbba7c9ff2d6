package org.editprofile.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health} ({@link org.editprofile.Routes#HEALTH}): JSON for load balancers and
 * orchestrators; no auth, no secrets.
 */
public final class HealthServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final boolean configured;
  private final transient BooleanSupplier sessionStoreAnswers;

  /**
   * @param sessionStoreAnswers whether the shared session store answers now (always true without
   *     one)
   */
  public HealthServlet(boolean configured, BooleanSupplier sessionStoreAnswers) {
    this.configured = configured;
    this.sessionStoreAnswers = sessionStoreAnswers;
  }

  /**
   * {@code /health} and {@code /health/ready}: ready to serve pages (configured, and the session
   * store answers). {@code /health/live}: the server runs (restart it only when this fails).
   */
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String status;
    if ("/live".equals(request.getPathInfo())) {
      status = "{\"status\":\"UP\"}";
    } else if (!configured) {
      status = "{\"status\":\"DOWN\",\"reason\":\"not configured\"}";
    } else if (!sessionStoreAnswers.getAsBoolean()) {
      status = "{\"status\":\"DOWN\",\"reason\":\"session store not answering\"}";
    } else {
      status = "{\"status\":\"UP\"}";
    }
    response.setStatus(status.contains("DOWN") ? 503 : 200);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(status);
  }
}
