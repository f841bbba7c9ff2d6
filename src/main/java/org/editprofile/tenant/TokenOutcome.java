package org.editprofile.tenant;

import java.util.Optional;

/**
 * An access token, or the user must go to the tenant first: the outcome of the web app's silent
 * token requests and of the edit profile service's on-behalf-of exchange alike.
 */
public sealed interface TokenOutcome {

  /** The access token: passed to Graph or the service, never to the browser or a log. */
  record Acquired(String accessToken) implements TokenOutcome {}

  /**
   * Only the user, at the tenant, can go on (MFA, consent, an expired sign-in session).
   *
   * @param claims the claims challenge to pass on, if the tenant sent one
   */
  record NeedsUser(Optional<String> claims) implements TokenOutcome {}
}
