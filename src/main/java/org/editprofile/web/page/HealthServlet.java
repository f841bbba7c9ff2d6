package org.editprofile.web.page;

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
    String downBecause = downBecause(request);
    response.setStatus(downBecause == null ? 200 : 503);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            downBecause == null
                ? "{\"status\":\"UP\"}"
                : "{\"status\":\"DOWN\",\"reason\":\"" + downBecause + "\"}");
  }

  /** Why the answer is DOWN, or null when it is UP. */
  private String downBecause(HttpServletRequest request) {
    if ("/live".equals(request.getPathInfo())) {
      return null;
    }
    if (!configured) {
      return "not configured";
    }
    return sessionStoreAnswers.getAsBoolean() ? null : "session store not answering";
  }
}
