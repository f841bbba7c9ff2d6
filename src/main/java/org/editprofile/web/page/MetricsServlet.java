package org.editprofile.web.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} ({@link org.editprofile.Routes#METRICS}): the Prometheus text format, for a
 * scraper that presents the configured bearer token (METRICS_TOKEN). Without a configured token, or
 * without the right one, the answer is the same 404 as for any unknown address, so the endpoint
 * does not even show that it exists.
 */
public final class MetricsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final transient Supplier<String> scrape;
  private final transient Optional<byte[]> expected;

  public MetricsServlet(Supplier<String> scrape, Optional<String> token) {
    this.scrape = scrape;
    this.expected = token.map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Every method comes here first: without the token, POST or OPTIONS get the same 404 as GET (the
   * servlet's own 405 with {@code Allow} would show that the address exists).
   */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String presented = request.getHeader("Authorization");
    if (expected.isEmpty()
        || presented == null
        || !MessageDigest.isEqual(expected.get(), presented.getBytes(StandardCharsets.UTF_8))) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    super.service(request, response);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType(PROMETHEUS_TEXT);
    response.getWriter().write(scrape.get());
  }
}
