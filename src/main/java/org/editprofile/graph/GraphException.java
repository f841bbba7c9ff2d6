package org.editprofile.graph;

import java.time.Duration;
import java.util.Map;
import org.editprofile.http.RemoteServiceException;
import org.editprofile.i18n.Text;

/**
 * A failure from Graph or the edit profile service, reduced to what the app can act on. The raw
 * response body is never carried, so it can never reach a page.
 */
public class GraphException extends RemoteServiceException {

  private static final long serialVersionUID = 1L;

  private final transient Map<String, Text> fieldErrors;

  public GraphException(
      Reason reason,
      String message,
      Map<String, Text> fieldErrors,
      String claims,
      Duration retryAfter,
      Throwable cause) {
    super(reason, message, claims, retryAfter, cause);
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  public static GraphException of(Reason reason, String message) {
    return new GraphException(reason, message, Map.of(), null, null, null);
  }

  /**
   * For {@link Reason#INVALID_INPUT}: field name (or "") to a message safe to show, in our own
   * words (Graph's text can echo internals, and is in English only).
   */
  public Map<String, Text> fieldErrors() {
    return fieldErrors == null ? Map.of() : fieldErrors;
  }
}
