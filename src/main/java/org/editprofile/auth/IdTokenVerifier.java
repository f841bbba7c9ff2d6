package org.editprofile.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenClaimsVerifier;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.editprofile.tenant.OidcMetadata;
import org.editprofile.tenant.OidcMetadataProvider;
import org.editprofile.tenant.TenantKeys;

/**
 * Checks the ID token MSAL4J hands back, which MSAL4J itself does not: RS256 signature against the
 * tenant's keys, issuer, audience, expiry and nonce. Unsigned (alg=none) tokens are refused.
 */
public final class IdTokenVerifier {

  private static final int MAX_CLOCK_SKEW_SECONDS = 120;
  private static final String WARM_UP_NONCE = "start-up";

  private final OidcMetadataProvider metadata;
  private final TenantKeys keys;
  private final String clientId;
  private volatile Validator validator;

  /** The validator for one version of the discovery document (whose issuer it checks). */
  private record Validator(OidcMetadata source, IDTokenValidator validator) {}

  /** The outcome of the checks. */
  public sealed interface Check {

    record Verified(IDTokenClaimsSet claims) implements Check {}

    /**
     * @param reason which check failed, for the log (never shown to the user)
     */
    record Rejected(String reason) implements Check {}
  }

  public IdTokenVerifier(OidcMetadataProvider metadata, TenantKeys keys, String clientId) {
    this.metadata = metadata;
    this.keys = keys;
    this.clientId = clientId;
  }

  public Check verify(String idToken, String expectedNonce) {
    if (idToken == null || idToken.isBlank()) {
      return new Check.Rejected("the tenant returned no ID token");
    }
    try {
      return new Check.Verified(
          validator().validate(JWTParser.parse(idToken), new Nonce(expectedNonce)));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      return new Check.Rejected("ID token rejected: " + e.getMessage());
    }
  }

  /**
   * Runs one ID token through every check up to the signature, then its claims through the checks
   * and the reading that follow a good signature, so the JOSE, JSON and RSA classes are loaded and
   * first run at start-up rather than in the first customer's sign-in. The token names a real
   * tenant key but carries a signature no key made: it can only be rejected.
   *
   * @return the signature check's outcome, empty when the tenant's keys could not be had
   */
  public Optional<Check> warmUp() {
    try {
      Optional<String> kid =
          keys
              .get(new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).build()), null)
              .stream()
              .map(JWK::getKeyID)
              .filter(Objects::nonNull)
              .findFirst();
      if (kid.isEmpty()) {
        return Optional.empty();
      }
      JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid.get()).build();
      JWTClaimsSet claims = warmUpClaims();
      // Below any RSA modulus of the key's size (leading zero byte), so the whole check runs.
      byte[] signature = new byte[256];
      Arrays.fill(signature, (byte) 0x5a);
      signature[0] = 0;
      String token =
          header.toBase64URL()
              + "."
              + Base64URL.encode(claims.toString())
              + "."
              + Base64URL.encode(signature);
      Check signatureCheck = verify(token, WARM_UP_NONCE);
      // The part a forged signature never reaches (reading the claims builds a JSON object
      // through a library whose first use loads a hundred classes).
      checkClaims(claims, WARM_UP_NONCE);
      return Optional.of(signatureCheck);
    } catch (KeySourceException | RuntimeException e) {
      // Only a head start: the first sign-in does the same work if this could not.
      return Optional.empty();
    }
  }

  /** The warm-up token's claims: right for this app and its tenant, good for a minute. */
  JWTClaimsSet warmUpClaims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(metadata.get().issuer())
        .audience(clientId)
        .subject(WARM_UP_NONCE)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(60)))
        .claim("nonce", WARM_UP_NONCE)
        .build();
  }

  /** What the validator does once the signature is good: the claims checks, then their reading. */
  Check checkClaims(JWTClaimsSet claims, String expectedNonce) {
    try {
      new IDTokenClaimsVerifier(
              new Issuer(metadata.get().issuer()),
              new ClientID(clientId),
              new Nonce(expectedNonce),
              MAX_CLOCK_SKEW_SECONDS)
          .verify(claims, null);
      return new Check.Verified(new IDTokenClaimsSet(claims));
    } catch (BadJWTException | com.nimbusds.oauth2.sdk.ParseException e) {
      return new Check.Rejected("ID token claims rejected: " + e.getMessage());
    }
  }

  private IDTokenValidator validator() {
    OidcMetadata current = metadata.get();
    Validator cached = validator;
    if (cached != null && cached.source() == current) {
      return cached.validator();
    }
    IDTokenValidator fresh =
        new IDTokenValidator(
            new Issuer(current.issuer()), new ClientID(clientId), keys.rs256(), null);
    fresh.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
    validator = new Validator(current, fresh);
    return fresh;
  }
}
