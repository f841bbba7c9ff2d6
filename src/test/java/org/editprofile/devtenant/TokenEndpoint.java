package org.editprofile.devtenant;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /<tenant>/oauth2/v2.0/token}: authenticates the client (secret in the body or HTTP Basic),
 * hands the request to the handler of its grant type, and writes the tokens or the one error shape.
 */
final class TokenEndpoint {

  private final DevTenant tenant;
  private final Map<String, TokenGrant> grants;

  TokenEndpoint(DevTenant tenant, AuthorizationCodeGrant authorizationCode) {
    this.tenant = tenant;
    this.grants =
        Map.of(
            Faults.AUTHORIZATION_CODE, authorizationCode,
            Faults.REFRESH_TOKEN, new RefreshTokenGrant(tenant),
            Faults.ON_BEHALF_OF, new OnBehalfOfGrant(tenant));
  }

  void handle(Exchange ex, Optional<Faults.TokenError> fault) throws IOException {
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
      Registrations.App client = authenticate(ex);
      String grantType = Optional.ofNullable(ex.param("grant_type")).orElse("");
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

  private Registrations.App authenticate(Exchange ex) throws EntraError.Raised {
    String clientId = ex.param("client_id");
    String secret = ex.param("client_secret");
    String basic = ex.header("Authorization");
    if (basic != null && basic.startsWith("Basic ")) {
      String[] pair =
          new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
              .split(":", 2);
      clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
      secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
    }
    String id = clientId;
    Registrations.App client =
        tenant
            .registrations()
            .byClientId(clientId)
            .orElseThrow(
                () ->
                    new EntraError(
                            400,
                            "unauthorized_client",
                            700016,
                            "Application with identifier '"
                                + id
                                + "' was not found in the directory.",
                            Map.of())
                        .raise());
    if (secret == null
        || !MessageDigest.isEqual(
            client.clientSecret().getBytes(StandardCharsets.UTF_8),
            secret.getBytes(StandardCharsets.UTF_8))) {
      throw new EntraError(
              401, "invalid_client", 7000215, "Invalid client secret provided.", Map.of())
          .raise();
    }
    return client;
  }
}
