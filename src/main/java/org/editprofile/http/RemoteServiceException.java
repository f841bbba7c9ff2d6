package org.editprofile.http;

import java.time.Duration;
import java.util.Optional;

/**
 * The one base of the app's unexpected failures: a remote party (the tenant, Microsoft Graph or the
 * edit profile service) could not be reached or refused a call. Like MSAL4J's own exceptions it
 * carries why ({@link #reason()}), the claims the party asked for and how long it asked callers to
 * wait. Expected outcomes (a step-up, a rejected sign-in response) are sealed results, never this.
 */
public abstract class RemoteServiceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the call failed, in terms a page or an API answer can act on. */
  public enum Reason {
    /** 400: the values were refused. */
    INVALID_INPUT,
    /** 401 with a claims challenge: step the user up with {@link #claims()}. */
    CLAIMS_CHALLENGE,
    /** 401 without a challenge: the token was not accepted. */
    UNAUTHORIZED,
    /**
     * 401 {@code insufficient_user_authentication} (RFC 9470): the sign-in is older than the
     * resource accepts; sign in again.
     */
    STALE_SIGN_IN,
    /** 403: this user may not do this. */
    FORBIDDEN,
    /** 404: no such object (a user deleted since the token was issued). */
    NOT_FOUND,
    /** 429 (or the tenant's 503 with Retry-After) that lasted longer than we wait. */
    THROTTLED,
    /** 5xx, timeout, connection failure or an unreadable answer. */
    UNAVAILABLE
  }

  private final Reason reason;
  private final String claims;
  private final Duration retryAfter;

  protected RemoteServiceException(
      Reason reason, String message, String claims, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.claims = claims;
    this.retryAfter = retryAfter;
  }

  public Reason reason() {
    return reason;
  }

  public Optional<String> claims() {
    return Optional.ofNullable(claims);
  }

  /** How long the remote party asked callers to wait, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
