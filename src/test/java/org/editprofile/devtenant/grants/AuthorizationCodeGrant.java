package org.editprofile.devtenant.grants;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.EntraError;
import org.editprofile.devtenant.Exchange;
import org.editprofile.devtenant.Registrations;
import org.editprofile.devtenant.pages.SignInPages;

/**
 * {@code grant_type=authorization_code}: single-use codes for 5 minutes, issued to one client for
 * one exact redirect URI, with the PKCE S256 verifier checked.
 */
public final class AuthorizationCodeGrant implements TokenGrant {

  private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

  private record AuthCode(
      SignInPages.AuthRequest request,
      String oid,
      boolean mfa,
      Instant authTime,
      Set<String> authContexts,
      Instant issuedAt,
      AtomicBoolean used) {}

  private final DevTenant tenant;
  private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();

  public AuthorizationCodeGrant(DevTenant tenant) {
    this.tenant = tenant;
  }

  /**
   * A code for a completed authorize request.
   *
   * @param authContexts the authentication contexts the request asked for and the sign-in met
   */
  public String issueCode(
      SignInPages.AuthRequest request,
      String oid,
      boolean mfa,
      Instant authTime,
      Set<String> authContexts) {
    String code = "dev." + UUID.randomUUID() + UUID.randomUUID();
    tenant.issued(code);
    codes.put(
        code,
        new AuthCode(
            request,
            oid,
            mfa,
            authTime,
            Set.copyOf(authContexts),
            Instant.now(),
            new AtomicBoolean()));
    return code;
  }

  @Override
  public TokenIssuer.Issue handle(Exchange ex, Registrations.App client) throws EntraError.Raised {
    AuthCode code = codes.get(Optional.ofNullable(ex.param("code")).orElse(""));
    if (code == null || code.issuedAt().plus(CODE_LIFETIME).isBefore(Instant.now())) {
      throw EntraError.invalidGrant(
              70008, "The provided authorization code or refresh token has expired or is invalid.")
          .raise();
    }
    if (!code.used().compareAndSet(false, true)) {
      throw EntraError.invalidGrant(54005, "OAuth2 Authorization code was already redeemed.")
          .raise();
    }
    SignInPages.AuthRequest request = code.request();
    if (!request.clientId().equals(client.clientId())) {
      throw EntraError.invalidGrant(70000, "The code was issued to another application.").raise();
    }
    if (!request.redirectUri().equals(ex.param("redirect_uri"))) {
      throw EntraError.invalidGrant(
              500117,
              "The reply uri specified in the request does not match the reply uri used in the"
                  + " authorization request.")
          .raise();
    }
    if (request.codeChallenge() != null) {
      String verifier = ex.param("code_verifier");
      if (verifier == null || !request.codeChallenge().equals(s256(verifier))) {
        throw EntraError.invalidGrant(
                501481,
                "The Code_Verifier does not match the code_challenge supplied in the authorization"
                    + " request.")
            .raise();
      }
    }
    Scopes asked = Scopes.parse(ex.param("scope"), tenant.resources());
    Scopes authorized = Scopes.parse(request.scope(), tenant.resources());
    Map<Scopes.Resource, List<String>> target =
        asked.byResource().isEmpty() ? authorized.byResource() : asked.byResource();
    Grant grant =
        new Grant(
            code.oid(),
            client.clientId(),
            code.mfa(),
            code.authTime(),
            Set.copyOf(authorized.oidc()),
            Instant.now(),
            code.authContexts());
    return new TokenIssuer.Issue(grant, target, request.nonce(), true, request.claims());
  }

  private static String s256(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
