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

  private final boolean appCredential;

  public TenantException(String message, Throwable cause) {
    this(message, cause, Optional.empty());
  }

  public TenantException(String message) {
    this(message, null, Optional.empty());
  }

  public TenantException(String message, Throwable cause, Optional<Duration> retryAfter) {
    this(message, cause, retryAfter, false);
  }

  private TenantException(
      String message, Throwable cause, Optional<Duration> retryAfter, boolean appCredential) {
    super(
        retryAfter.isPresent() ? Reason.THROTTLED : Reason.UNAVAILABLE,
        message,
        null,
        retryAfter.orElse(null),
        cause);
    this.appCredential = appCredential;
  }

  /**
   * The app could not prove who it is: the tenant refused its credential ({@code invalid_client}: a
   * wrong or expired secret, an unregistered or expired certificate, an untrusted federated token),
   * or the app could not produce it. Retrying does not help; an operator must act.
   */
  public static TenantException appCredential(String message, Throwable cause) {
    return new TenantException(message, cause, Optional.empty(), true);
  }

  /**
   * The tenant no longer knows the user (AADSTS50034: a deleted account's refresh token or
   * assertion): nothing to retry, the session is over.
   */
  public static TenantException accountGone(String message) {
    return new TenantException(message, Reason.NOT_FOUND);
  }

  private TenantException(String message, Reason reason) {
    super(reason, message, null, null, null);
    this.appCredential = false;
  }

  /** True when the app's own credential is at fault, not the tenant's availability. */
  public boolean appCredentialProblem() {
    return appCredential;
  }
}
