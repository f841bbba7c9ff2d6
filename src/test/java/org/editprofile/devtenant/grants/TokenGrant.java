package org.editprofile.devtenant.grants;

import java.time.Instant;
import java.util.Set;
import org.editprofile.devtenant.EntraError;
import org.editprofile.devtenant.Exchange;
import org.editprofile.devtenant.Registrations;

/** One grant type of the token endpoint: checks the request and says what to issue. */
interface TokenGrant {

  /**
   * @param client the authenticated client
   * @return what to issue; a refusal is thrown as an {@link EntraError}
   */
  TokenIssuer.Issue handle(Exchange ex, Registrations.App client) throws EntraError.Raised;

  /**
   * Who the tokens are for and how they signed in: what a refresh token remembers.
   *
   * @param oidcScopes the OpenID Connect scopes consented at sign-in (openid, profile, email...)
   * @param authContexts the authentication contexts the sign-in asked for and satisfied
   */
  record Grant(
      String oid,
      String clientId,
      boolean mfa,
      Instant authTime,
      Set<String> oidcScopes,
      Instant issuedAt,
      Set<String> authContexts) {}
}
