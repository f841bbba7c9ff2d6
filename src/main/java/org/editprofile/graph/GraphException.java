package org.editprofile.graph;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A failure from Graph or the edit profile service, reduced to what the app can act on. The raw
 * response body is never carried, so it can never reach a page.
 */
public class GraphException extends Exception {

  private static final long serialVersionUID = 1L;

  public enum Kind {
    /** 400: the values were refused; {@link #fieldErrors()} says which. */
    INVALID_INPUT,
    /** 401 with a claims challenge: step the user up with {@link #claims()}. */
    CLAIMS_CHALLENGE,
    /** 401 without a challenge: the token was not accepted. */
    UNAUTHORIZED,
    /** 403: this user may not do this. */
    FORBIDDEN,
    /** 429 that lasted longer than we wait. */
    THROTTLED,
    /** 5xx, timeout, connection failure or an unreadable answer. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final transient Map<String, String> fieldErrors;
  private final String claims;
  private final Duration retryAfter;

  public GraphException(
      Kind kind,
      String message,
      Map<String, String> fieldErrors,
      String claims,
      Duration retryAfter,
      Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.fieldErrors = Map.copyOf(fieldErrors);
    this.claims = claims;
    this.retryAfter = retryAfter;
  }

  public static GraphException of(Kind kind, String message) {
    return new GraphException(kind, message, Map.of(), null, null, null);
  }

  public Kind kind() {
    return kind;
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors == null ? Map.of() : fieldErrors;
  }

  public Optional<String> claims() {
    return Optional.ofNullable(claims);
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
