package org.editprofile.auth;

import java.time.Duration;
import java.util.Optional;

/** The tenant could not be reached or answered something unusable. Shown as a "try again" page. */
public class IdentityProviderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** How long the tenant asked callers to wait (a 429's or 503's Retry-After), if it said. */
  private final transient Optional<Duration> retryAfter;

  public IdentityProviderException(String message, Throwable cause) {
    this(message, cause, Optional.empty());
  }

  public IdentityProviderException(String message) {
    this(message, null, Optional.empty());
  }

  public IdentityProviderException(String message, Throwable cause, Optional<Duration> retryAfter) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter == null ? Optional.empty() : retryAfter;
  }
}
