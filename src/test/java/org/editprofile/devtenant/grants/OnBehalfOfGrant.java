package org.editprofile.devtenant.grants;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.EntraError;
import org.editprofile.devtenant.Exchange;
import org.editprofile.devtenant.Registrations;

/**
 * {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer} with {@code
 * requested_token_use=on_behalf_of}: the assertion must be this tenant's access token for the
 * calling API (either version), and only Graph may be asked for.
 */
final class OnBehalfOfGrant implements TokenGrant {

  private final DevTenant tenant;

  OnBehalfOfGrant(DevTenant tenant) {
    this.tenant = tenant;
  }

  @Override
  public TokenIssuer.Issue handle(Exchange ex, Registrations.App client) throws EntraError.Raised {
    if (!"on_behalf_of".equals(ex.param("requested_token_use"))) {
      throw EntraError.invalidRequest(
              90014, "The request body must contain the parameter 'requested_token_use'.")
          .raise();
    }
    Set<String> audiences =
        client
            .api()
            .map(api -> Set.of(client.clientId(), api.identifierUri()))
            .orElse(Set.of(client.clientId()));
    Optional<JWTClaimsSet> assertion =
        tenant.tokens().verify(Optional.ofNullable(ex.param("assertion")).orElse(""), audiences);
    if (assertion.isEmpty()) {
      throw EntraError.invalidGrant(
              50013,
              "Assertion failed signature validation, has expired, or its audience is not this"
                  + " application.")
          .raise();
    }
    Scopes asked = Scopes.parse(ex.param("scope"), tenant.resources());
    if (asked.byResource().size() != 1
        || !asked.byResource().keySet().iterator().next().isGraph()) {
      throw EntraError.invalidScope().raise();
    }
    try {
      JWTClaimsSet incoming = assertion.get();
      Grant grant =
          new Grant(
              incoming.getStringClaim("oid"),
              client.clientId(),
              tenant.issuer().didMfa(incoming),
              Instant.now(),
              Set.of(),
              Instant.now(),
              Set.of());
      return new TokenIssuer.Issue(grant, asked.byResource(), null, false);
    } catch (ParseException e) {
      throw EntraError.invalidGrant(50013, "Assertion is malformed.").raise();
    }
  }
}
