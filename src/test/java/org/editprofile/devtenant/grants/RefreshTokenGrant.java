package org.editprofile.devtenant.grants;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.editprofile.devtenant.ClaimsParameter;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.EntraError;
import org.editprofile.devtenant.Exchange;
import org.editprofile.devtenant.Registrations;

/**
 * {@code grant_type=refresh_token}: one resource per request (AADSTS28000), Conditional Access (MFA
 * for the APIs that require it: AADSTS50076), admin consent (AADSTS65001), and the refresh token's
 * lifecycle: expired (AADSTS700082) or revoked (AADSTS50173).
 */
final class RefreshTokenGrant implements TokenGrant {

  private final DevTenant tenant;

  RefreshTokenGrant(DevTenant tenant) {
    this.tenant = tenant;
  }

  @Override
  public TokenIssuer.Issue handle(Exchange ex, Registrations.App client) throws EntraError.Raised {
    String presented = Optional.ofNullable(ex.param("refresh_token")).orElse("");
    Grant grant = tenant.issuer().refreshGrant(presented).orElse(null);
    if (grant == null || !grant.clientId().equals(client.clientId())) {
      throw EntraError.invalidGrant(9002313, "Invalid request. Request is malformed or invalid.")
          .raise();
    }
    tenant.issuer().checkLifecycle(grant);
    Scopes asked = Scopes.parse(ex.param("scope"), tenant.resources());
    if (!asked.unknown().isEmpty()) {
      throw EntraError.invalidScope().raise();
    }
    if (asked.byResource().size() > 1) {
      throw EntraError.moreThanOneResource().raise();
    }
    for (Scopes.Resource resource : asked.byResource().keySet()) {
      if (!tenant.registrations().hasConsent(client.clientId(), resource)) {
        throw EntraError.invalidGrant(
                EntraError.CONSENT_REQUIRED,
                "The user or administrator has not consented to use the application with ID '"
                    + client.clientId()
                    + "' named '"
                    + client.name()
                    + "'. Send an interactive authorization request for this user and resource.",
                java.util.Map.of("suberror", "consent_required"))
            .raise();
      }
    }
    if (asked.needsMfa() && !grant.mfa()) {
      throw EntraError.mfaRequired(asked.byResource().keySet().iterator().next().audience())
          .raise();
    }
    // A claims request for authentication contexts: met by the refresh token's sign-in when it did
    // the MFA their policies ask (or no policy targets them), else the user must step up.
    Set<String> contexts = ClaimsParameter.parse(ex.param("claims")).authContexts();
    Set<String> met = tenant.registrations().contextsMet(contexts, grant.mfa());
    if (contexts.stream()
        .anyMatch(c -> tenant.registrations().knowsAuthContext(c) && !met.contains(c))) {
      throw EntraError.authContextRequired(ex.param("claims")).raise();
    }
    if (!grant.authContexts().containsAll(met)) {
      Set<String> all = new LinkedHashSet<>(grant.authContexts());
      all.addAll(met);
      grant =
          new Grant(
              grant.oid(),
              grant.clientId(),
              grant.mfa(),
              grant.authTime(),
              grant.oidcScopes(),
              grant.issuedAt(),
              Set.copyOf(all));
    }
    return new TokenIssuer.Issue(grant, asked.byResource(), null, true);
  }
}
