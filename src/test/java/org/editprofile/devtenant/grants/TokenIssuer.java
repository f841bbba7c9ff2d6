package org.editprofile.devtenant.grants;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.editprofile.devtenant.ClaimsParameter;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Directory;
import org.editprofile.devtenant.EntraError;
import org.editprofile.devtenant.Exchange;
import org.editprofile.devtenant.Faults;
import org.editprofile.devtenant.Registrations;
import org.editprofile.devtenant.TenantLayout;

/**
 * Writes a successful token response as Entra does: access token for one resource, {@code scope},
 * {@code expires_in}, and for interactive grants a refresh token, an ID token and {@code
 * client_info}. Remembers what it issued: refresh tokens (to redeem and revoke them), and which
 * access tokens followed MFA (for on-behalf-of, since v2.0 tokens carry no {@code amr}).
 */
public final class TokenIssuer {

  private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);

  /**
   * What a grant handler decided to issue.
   *
   * @param authorizeClaims the claims parameter of the authorize request the grant followed, if
   *     any: the client's capabilities when its token request does not repeat them
   */
  record Issue(
      TokenGrant.Grant grant,
      Map<Scopes.Resource, List<String>> target,
      String nonce,
      boolean withRefreshToken,
      String authorizeClaims) {

    Issue(
        TokenGrant.Grant grant,
        Map<Scopes.Resource, List<String>> target,
        String nonce,
        boolean withRefreshToken) {
      this(grant, target, nonce, withRefreshToken, null);
    }
  }

  private final DevTenant tenant;
  private final Map<String, TokenGrant.Grant> refreshTokens = new ConcurrentHashMap<>();
  private final Set<String> mfaTokens = ConcurrentHashMap.newKeySet();
  private final Map<String, Instant> revokedBefore = new ConcurrentHashMap<>();
  private final Map<String, Instant> expiredBefore = new ConcurrentHashMap<>();

  public TokenIssuer(DevTenant tenant) {
    this.tenant = tenant;
  }

  Optional<TokenGrant.Grant> refreshGrant(String refreshToken) {
    return Optional.ofNullable(refreshTokens.get(refreshToken));
  }

  /** Like Graph's revokeSignInSessions: every refresh token issued so far stops working. */
  public void revoke(String oid) {
    revokedBefore.put(oid, Instant.now());
  }

  /** As if the user's refresh tokens had been unused for longer than their inactivity limit. */
  public void expire(String oid) {
    expiredBefore.put(oid, Instant.now());
  }

  void checkLifecycle(TokenGrant.Grant grant) throws EntraError.Raised {
    Instant revoked = revokedBefore.get(grant.oid());
    if (revoked != null && !grant.issuedAt().isAfter(revoked)) {
      throw EntraError.invalidGrant(
              EntraError.GRANT_REVOKED,
              "The provided grant has expired due to it being revoked, a fresh auth token is"
                  + " needed. The user might have changed or reset their password.")
          .raise();
    }
    Instant expired = expiredBefore.get(grant.oid());
    if (expired != null && !grant.issuedAt().isAfter(expired)) {
      throw EntraError.invalidGrant(
              EntraError.REFRESH_TOKEN_EXPIRED,
              "The refresh token has expired due to inactivity. The token was issued on "
                  + grant.issuedAt()
                  + " and was inactive for 90.00:00:00.")
          .raise();
    }
  }

  /** Whether an access token of this tenant was issued after MFA. */
  boolean didMfa(JWTClaimsSet accessToken) throws ParseException {
    List<String> amr = accessToken.getStringListClaim("amr");
    String uti = accessToken.getStringClaim("uti");
    return (amr != null && amr.contains("mfa")) || (uti != null && mfaTokens.contains(uti));
  }

  void issue(Exchange ex, Registrations.App client, Issue issue)
      throws IOException, EntraError.Raised {
    if (issue.target().size() > 1) {
      throw EntraError.moreThanOneResource().raise();
    }
    TokenGrant.Grant grant = issue.grant();
    Directory.User user = tenant.directory().byOid(grant.oid()).orElse(null);
    if (user == null) {
      throw EntraError.invalidGrant(50034, "The user account does not exist in this directory.")
          .raise();
    }
    Scopes.Resource resource =
        issue.target().isEmpty()
            ? Scopes.Resource.GRAPH
            : issue.target().keySet().iterator().next();
    List<String> scopes =
        issue.target().isEmpty() ? List.of("User.Read") : issue.target().get(resource);
    JWTClaimsSet.Builder access =
        tenant
            .tokens()
            .accessToken(
                resource,
                client.clientId(),
                grant.oid(),
                scopes,
                grant.mfa(),
                ACCESS_TOKEN_LIFETIME)
            .claim("name", user.displayName())
            .claim(resource.isV2() ? "preferred_username" : "unique_name", user.email());
    addOptionalClaims(access, resource, grant, ex, issue);
    JWTClaimsSet accessClaims = access.build();
    if (grant.mfa()) {
      mfaTokens.add((String) accessClaims.getClaim("uti"));
    }
    String accessToken = tenant.tokens().sign(accessClaims);
    tenant.issued(accessToken);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_type", "Bearer");
    List<String> scopeList = new ArrayList<>(scopes);
    if (!resource.isGraph()) {
      scopeList.replaceAll(s -> resource.prefix() + s);
    }
    body.put("scope", String.join(" ", scopeList));
    body.put("expires_in", ACCESS_TOKEN_LIFETIME.toSeconds());
    body.put("ext_expires_in", ACCESS_TOKEN_LIFETIME.toSeconds());
    body.put("access_token", accessToken);
    if (issue.withRefreshToken()) {
      String refreshToken = "dev-rt." + UUID.randomUUID() + UUID.randomUUID();
      tenant.issued(refreshToken);
      refreshTokens.put(refreshToken, grant);
      body.put("refresh_token", refreshToken);
      JWTClaimsSet.Builder id = idClaims(client, grant, user, issue.nonce());
      if (client.optionalClaims().idToken().contains("acrs") && !grant.authContexts().isEmpty()) {
        id.claim("acrs", List.copyOf(grant.authContexts()));
      }
      String idToken = idToken(id);
      tenant.issued(idToken);
      body.put("id_token", idToken);
    }
    body.put(
        "client_info",
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"uid\":\"" + grant.oid() + "\",\"utid\":\"" + TenantLayout.TENANT_ID + "\"}")
                    .getBytes(StandardCharsets.UTF_8)));
    ex.json(200, body);
  }

  /**
   * The optional claims the resource's registration asks for: {@code auth_time}, when the user
   * signed in; {@code acrs}, the authentication contexts the sign-in satisfied; {@code xms_cc}, the
   * capabilities the client declared in the claims parameter of this token request or of the
   * authorize request before it.
   */
  private void addOptionalClaims(
      JWTClaimsSet.Builder access,
      Scopes.Resource resource,
      TokenGrant.Grant grant,
      Exchange ex,
      Issue issue) {
    Set<String> wanted =
        tenant
            .registrations()
            .byClientId(resource.clientId())
            .map(app -> app.optionalClaims().accessToken())
            .orElse(Set.of());
    if (wanted.contains("auth_time")) {
      // The sign-in's time, kept by every token refreshed from it (Entra's optional claim).
      access.claim("auth_time", grant.authTime().getEpochSecond());
    }
    if (wanted.contains("acrs") && !grant.authContexts().isEmpty()) {
      access.claim("acrs", List.copyOf(grant.authContexts()));
    }
    ClaimsParameter asked =
        ClaimsParameter.parse(ex.param("claims"))
            .and(ClaimsParameter.parse(issue.authorizeClaims()));
    if (wanted.contains("xms_cc") && !asked.clientCapabilities().isEmpty()) {
      access.claim("xms_cc", List.copyOf(asked.clientCapabilities()));
    }
  }

  /**
   * A v2.0 ID token (Microsoft's "ID token claims reference"): {@code name} and {@code
   * preferred_username} come with the {@code profile} scope, {@code email} only with {@code email}.
   */
  private JWTClaimsSet.Builder idClaims(
      Registrations.App client, TokenGrant.Grant grant, Directory.User user, String nonce) {
    JWTClaimsSet.Builder id =
        tenant
            .tokens()
            .base(tenant.layout().issuerV2(), client.clientId(), ACCESS_TOKEN_LIFETIME)
            .subject(Tokens.pairwiseSubject(grant.oid(), client.clientId()))
            .claim("oid", grant.oid())
            .claim("ver", "2.0")
            .claim("auth_time", grant.authTime().getEpochSecond())
            // The login_hint optional claim: what an app sends back as logout_hint.
            .claim("login_hint", Tokens.loginHint(grant.oid()));
    if (grant.oidcScopes().contains("profile")) {
      id.claim("name", user.displayName()).claim("preferred_username", user.email());
    }
    if (grant.oidcScopes().contains("email")) {
      id.claim("email", user.email());
    }
    if (nonce != null) {
      id.claim("nonce", nonce);
    }
    return id;
  }

  /** Signs the ID token, with the defect a test asked for, if any. */
  private String idToken(JWTClaimsSet.Builder id) {
    Faults.IdTokenDefect defect =
        tenant
            .faults()
            .take(Faults.Endpoint.ID_TOKEN, null)
            .filter(Faults.IdToken.class::isInstance)
            .map(f -> ((Faults.IdToken) f).defect())
            .orElse(null);
    if (defect != null) {
      switch (defect) {
        case WRONG_NONCE -> id.claim("nonce", "not-the-nonce-the-app-sent");
        case WRONG_AUDIENCE -> id.audience("some-other-app");
        case WRONG_ISSUER -> id.issuer("https://evil.example/" + TenantLayout.TENANT_ID + "/v2.0");
        case EXPIRED ->
            id.expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))));
        default -> {}
      }
    }
    JWTClaimsSet claims = id.build();
    if (defect == Faults.IdTokenDefect.UNSIGNED) {
      return new PlainJWT(claims).serialize();
    }
    String signed = tenant.tokens().sign(claims);
    if (defect == Faults.IdTokenDefect.BAD_SIGNATURE) {
      char last = signed.charAt(signed.length() - 5);
      return signed.substring(0, signed.length() - 5)
          + (last == 'A' ? 'B' : 'A')
          + signed.substring(signed.length() - 4);
    }
    return signed;
  }
}
