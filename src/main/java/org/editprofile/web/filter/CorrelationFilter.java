package org.editprofile.web.filter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.editprofile.http.CorrelationId;
import org.slf4j.MDC;

/**
 * First on every request: gives it its correlation id (see {@link CorrelationId}), puts it in the
 * MDC for every log line and outbound call the request makes, and answers with it in X-Request-Id.
 * The id is also a request attribute, for the error pages' "Reference" line. An error dispatch
 * keeps the id of the request that failed.
 */
public final class CorrelationFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Object known = request.getAttribute(CorrelationId.KEY);
    String id;
    if (request.getDispatcherType() != DispatcherType.REQUEST && known instanceof String existing) {
      id = existing;
    } else {
      id = CorrelationId.forRequest(request::getHeader);
      request.setAttribute(CorrelationId.KEY, id);
      response.setHeader(CorrelationId.REQUEST_ID_HEADER, id);
    }
    String outer = MDC.get(CorrelationId.KEY);
    MDC.put(CorrelationId.KEY, id);
    try {
      chain.doFilter(request, response);
    } finally {
      if (outer == null) {
        MDC.remove(CorrelationId.KEY);
      } else {
        MDC.put(CorrelationId.KEY, outer);
      }
    }
  }
}
