package org.editprofile.graph;

import java.time.Duration;
import java.util.Map;
import org.editprofile.http.RemoteServiceException;

/**
 * A failure from Graph or the edit profile service, reduced to what the app can act on. The raw
 * response body is never carried, so it can never reach a page.
 */
public class GraphException extends RemoteServiceException {

  private static final long serialVersionUID = 1L;

  private final transient Map<String, String> fieldErrors;

  public GraphException(
      Reason reason,
      String message,
      Map<String, String> fieldErrors,
      String claims,
      Duration retryAfter,
      Throwable cause) {
    super(reason, message, claims, retryAfter, cause);
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  public static GraphException of(Reason reason, String message) {
    return new GraphException(reason, message, Map.of(), null, null, null);
  }

  /** For {@link Reason#INVALID_INPUT}: field name (or "") to a message safe to show. */
  public Map<String, String> fieldErrors() {
    return fieldErrors == null ? Map.of() : fieldErrors;
  }
}
