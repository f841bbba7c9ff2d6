package org.editprofile.devtenant.grants;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.EntraError;
import org.editprofile.devtenant.Exchange;
import org.editprofile.devtenant.Registrations;

/**
 * {@code grant_type=client_credentials} for Microsoft Graph: an app-only access token, as Entra
 * issues one (Microsoft's client credentials flow and access token claims reference). The scope
 * must be the resource's {@code /.default} (AADSTS1002012 otherwise); the token's {@code roles} are
 * the application permissions the app asked for and an administrator consented to; it has no {@code
 * scp}, and its {@code oid} and {@code sub} are the app's service principal, with {@code idtyp:
 * app}. No refresh token, no ID token.
 */
public final class ClientCredentialsGrant {

  private static final Duration LIFETIME = Duration.ofHours(1);
  private static final List<String> GRAPH_DEFAULT =
      List.of("https://graph.microsoft.com/.default", Scopes.Resource.GRAPH_APP_ID + "/.default");

  private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access");

  private final DevTenant tenant;

  ClientCredentialsGrant(DevTenant tenant) {
    this.tenant = tenant;
  }

  void issue(Exchange ex, Registrations.App client, boolean byCertificate)
      throws IOException, EntraError.Raised {
    // MSAL4J sends OpenID Connect's scopes along with every grant's (openid profile
    // offline_access); Entra issues the app-only token all the same, so they are set aside here.
    String scope =
        Arrays.stream(Optional.ofNullable(ex.param("scope")).orElse("").trim().split("\\s+"))
            .filter(s -> !OIDC_SCOPES.contains(s))
            .collect(Collectors.joining(" "));
    if (!GRAPH_DEFAULT.contains(scope)) {
      throw EntraError.invalidRequest(
              1002012,
              "The provided value for scope "
                  + scope
                  + " is not valid. Client credential flows must have a scope value with"
                  + " /.default suffixed to the resource identifier (application ID URI).")
          .raise();
    }
    JWTClaimsSet claims =
        tenant
            .tokens()
            .base(tenant.layout().issuerV1(), Scopes.Resource.GRAPH_APP_ID, LIFETIME)
            .subject(servicePrincipal(client.clientId()))
            .claim("oid", servicePrincipal(client.clientId()))
            .claim("appid", client.clientId())
            .claim("appidacr", byCertificate ? "2" : "1")
            .claim("idtyp", "app")
            .claim("ver", "1.0")
            .claim("roles", tenant.registrations().grantedApplicationPermissions(client.clientId()))
            .build();
    String token = tenant.tokens().sign(claims);
    tenant.issued(token);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_type", "Bearer");
    body.put("expires_in", LIFETIME.toSeconds());
    body.put("ext_expires_in", LIFETIME.toSeconds());
    body.put("access_token", token);
    ex.json(200, body);
  }

  /** The app's service principal in this tenant: a stable id derived from its client id. */
  static String servicePrincipal(String clientId) {
    return UUID.nameUUIDFromBytes(("sp|" + clientId).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
