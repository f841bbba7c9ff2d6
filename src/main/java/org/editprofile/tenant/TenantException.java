package org.editprofile.tenant;

import java.time.Duration;
import java.util.Optional;
import org.editprofile.http.RemoteServiceException;

/**
 * The tenant could not be reached or answered something unusable; shown as a "try again" page (with
 * the tenant's Retry-After when it sent one).
 */
public class TenantException extends RemoteServiceException {

  private static final long serialVersionUID = 1L;

  public TenantException(String message, Throwable cause) {
    this(message, cause, Optional.empty());
  }

  public TenantException(String message) {
    this(message, null, Optional.empty());
  }

  public TenantException(String message, Throwable cause, Optional<Duration> retryAfter) {
    super(
        retryAfter.isPresent() ? Reason.THROTTLED : Reason.UNAVAILABLE,
        message,
        null,
        retryAfter.orElse(null),
        cause);
  }
}
