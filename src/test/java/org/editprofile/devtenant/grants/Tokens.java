package org.editprofile.devtenant.grants;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.editprofile.devtenant.TenantLayout;

/**
 * Mints and checks the dev tenant's RS256 JWTs, with the claims Entra puts in each version.
 *
 * <p>Access tokens (Microsoft's "Access token claims reference"): v2.0 has {@code aud} = the API's
 * client id, {@code azp}/{@code azpacr}, the v2.0 issuer; v1.0 has {@code aud} = the Application ID
 * URI, {@code appid}/{@code appidacr}, the v1.0 issuer, and the v1.0-only {@code amr} and {@code
 * unique_name}. Both have {@code oid}, {@code tid}, {@code scp}, {@code uti} and a pairwise {@code
 * sub}.
 */
public final class Tokens {

  private final RSAKey key;
  private final RSASSASigner signer;
  private final RSASSAVerifier verifier;
  private final TenantLayout layout;

  public Tokens(RSAKey key, TenantLayout layout) {
    try {
      this.key = key;
      this.signer = new RSASSASigner(key);
      this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
      this.layout = layout;
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims every token of this tenant has. */
  JWTClaimsSet.Builder base(String issuer, String audience, Duration lifetime) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)))
        .claim("tid", TenantLayout.TENANT_ID)
        .claim("uti", UUID.randomUUID().toString().replace("-", ""));
  }

  /**
   * An access token for a resource, in the version its registration asks for.
   *
   * @param mfa whether the user did MFA ({@code amr} in v1.0 tokens only)
   */
  public JWTClaimsSet.Builder accessToken(
      Scopes.Resource resource,
      String clientId,
      String oid,
      List<String> scopes,
      boolean mfa,
      Duration lifetime) {
    boolean v2 = resource.isV2();
    JWTClaimsSet.Builder claims =
        base(v2 ? layout.issuerV2() : layout.issuerV1(), resource.audience(), lifetime)
            .subject(pairwiseSubject(oid, clientId))
            .claim("oid", oid)
            .claim("scp", String.join(" ", scopes));
    if (v2) {
      claims.claim("azp", clientId).claim("azpacr", "1").claim("ver", "2.0");
    } else {
      claims
          .claim("appid", clientId)
          .claim("appidacr", "1")
          .claim("ver", "1.0")
          .claim("amr", mfa ? List.of("pwd", "mfa") : List.of("pwd"));
    }
    return claims;
  }

  /**
   * Entra's {@code sub} is pairwise: the same user has a different {@code sub} in each app
   * (Microsoft: "sub ... is unique to a particular application ID"); {@code oid} is the same
   * everywhere. Derived here, stably, from both.
   */
  static String pairwiseSubject(String oid, String clientId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((oid + "|" + clientId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 43);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The {@code login_hint} optional claim: an opaque, stable name for the account, which the logout
   * endpoint accepts as {@code logout_hint} (Entra's is base64 too, and means nothing to the app).
   */
  public static String loginHint(String oid) {
    return Base64.getEncoder()
        .encodeToString(
            ("O:" + oid + ":" + TenantLayout.TENANT_ID).getBytes(StandardCharsets.UTF_8));
  }

  public String sign(JWTClaimsSet claims) {
    return signed(claims, key.getKeyID(), signer);
  }

  /** An RS256 JWT with {@code kid} and {@code typ: JWT}, as Entra and other issuers sign them. */
  public static String signed(JWTClaimsSet claims, String keyId, JWSSigner signer) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(keyId)
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The claims of an unexpired token this tenant signed for one of the audiences, with either of
   * its issuers.
   */
  public Optional<JWTClaimsSet> verify(String token, Set<String> audiences) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      boolean ownIssuer =
          layout.issuerV2().equals(claims.getIssuer())
              || layout.issuerV1().equals(claims.getIssuer());
      if (!ownIssuer
          || claims.getAudience().stream().noneMatch(audiences::contains)
          || claims.getExpirationTime() == null
          || claims.getExpirationTime().before(new Date())) {
        return Optional.empty();
      }
      return Optional.of(claims);
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }
}
