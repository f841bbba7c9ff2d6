package org.editprofile.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 9457 {@code application/problem+json} answer: the edit profile service's errors, and any
 * error under its path.
 *
 * @param headers response headers that go with it (WWW-Authenticate, Retry-After)
 * @param extra members beyond type, title, status and detail (field errors, claims)
 */
public record Problem(
    int status, String title, String detail, Map<String, ?> extra, Map<String, String> headers) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Problem(int status, String title, String detail) {
    this(status, title, detail, Map.of(), Map.of());
  }

  /** 429, passing on how long the throttling party asked callers to wait, when it said. */
  public static Problem tooManyRequests(String detail, Optional<Duration> retryAfter) {
    return new Problem(
        429,
        "Too many requests",
        detail,
        Map.of(),
        retryAfter.map(d -> Map.of("Retry-After", Long.toString(d.toSeconds()))).orElse(Map.of()));
  }

  public void send(HttpServletResponse response) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.putAll(extra);
    // The reference to quote when reporting it, as on the error pages.
    CorrelationId.current().ifPresent(id -> body.put(CorrelationId.KEY, id));
    headers.forEach(response::setHeader);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getWriter(), body);
  }
}
