package org.editprofile.devtenant.grants;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.EntraError;
import org.editprofile.devtenant.Exchange;
import org.editprofile.devtenant.Faults;
import org.editprofile.devtenant.Registrations;

/**
 * {@code /<tenant>/oauth2/v2.0/token}: authenticates the client ({@link ClientAuthentication}),
 * hands the request to the handler of its grant type, and writes the tokens or the one error shape.
 */
public final class TokenEndpoint {

  private final DevTenant tenant;
  private final Map<String, TokenGrant> grants;
  private final ClientAuthentication clients;
  private final ClientCredentialsGrant appTokens;

  public TokenEndpoint(DevTenant tenant, AuthorizationCodeGrant authorizationCode) {
    this.tenant = tenant;
    this.clients = new ClientAuthentication(tenant);
    this.appTokens = new ClientCredentialsGrant(tenant);
    this.grants =
        Map.of(
            Faults.AUTHORIZATION_CODE, authorizationCode,
            Faults.REFRESH_TOKEN, new RefreshTokenGrant(tenant),
            Faults.ON_BEHALF_OF, new OnBehalfOfGrant(tenant));
  }

  public void handle(Exchange ex, Optional<Faults.TokenError> fault) throws IOException {
    try {
      if (!"POST".equals(ex.method())) {
        throw new EntraError(
                405,
                "invalid_request",
                900561,
                "The endpoint only accepts POST requests.",
                Map.of())
            .raise();
      }
      if (fault.isPresent()) {
        fault.get().error().send(ex, fault.get().retryAfter());
        return;
      }
      Registrations.App client = clients.authenticate(ex);
      String grantType = Optional.ofNullable(ex.param("grant_type")).orElse("");
      if ("client_credentials".equals(grantType)) {
        // No user: an app-only token, issued by its own rules.
        appTokens.issue(ex, client, ex.param("client_assertion") != null);
        return;
      }
      TokenGrant grant = grants.get(grantType);
      if (grant == null) {
        throw new EntraError(
                400,
                "unsupported_grant_type",
                70003,
                "The app requested an unsupported grant type '" + grantType + "'.",
                Map.of())
            .raise();
      }
      tenant.issuer().issue(ex, client, grant.handle(ex, client));
    } catch (EntraError.Raised refused) {
      refused.error.send(ex, Optional.empty());
    }
  }
}
