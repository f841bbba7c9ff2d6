package org.editprofile.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 9457 application/problem+json answer. */
final class Problem {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Problem() {}

  static void send(
      HttpServletResponse response, int status, String title, String detail, Map<String, ?> extra)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.putAll(extra);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getWriter(), body);
  }
}
