package org.editprofile.service;

import java.util.Map;
import org.editprofile.http.Problem;
import org.editprofile.tenant.TenantException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers to failures of the service's app-only Graph calls that only an operator can fix (said
 * at ERROR, with the fix) or that end the conversation (the account is gone).
 */
final class AppOnlyFailures {

  private static final Logger LOG = LoggerFactory.getLogger(AppOnlyFailures.class);

  private AppOnlyFailures() {}

  /** The tenant did not issue the service's app-only token. */
  static Problem tenant(TenantException e, String what) {
    if (e.appCredentialProblem()) {
      LOG.error("The service's app-only token failed for {}: {}", what, e.getMessage());
      return new Problem(
          503,
          "Service unavailable",
          "The edit profile service cannot authenticate to the sign-in service.");
    }
    LOG.warn("The service's app-only token failed for {}: {}", what, e.getMessage());
    return new Problem(502, "Bad gateway", "The sign-in service could not issue a Graph token.");
  }

  /** Graph refused the app-only token: the registration lacks the permission or its consent. */
  static Problem permissionMissing(String call) {
    LOG.error(
        "Microsoft Graph refused {} with the service's app-only token: give the service's"
            + " registration the application permission User.ReadWrite.All and grant admin"
            + " consent, or set EDIT_PROFILE_SERVICE_APP_ACCESS=false",
        call);
    return new Problem(
        503, "Service unavailable", "The edit profile service may not change accounts.");
  }

  /** The user the token names no longer exists in the directory. */
  static Problem accountGone() {
    // The code tells the web app this 404 is the account's, not a wrong address.
    return new Problem(
        404,
        "Not found",
        "The account no longer exists.",
        Map.of("code", "account_gone"),
        Map.of());
  }
}
