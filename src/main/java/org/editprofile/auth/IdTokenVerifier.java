package org.editprofile.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.MalformedURLException;
import java.text.ParseException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Checks the ID token MSAL4J hands back, which MSAL4J itself does not: RS256 signature against the
 * tenant's JWKS, issuer, audience, expiry and nonce. Unsigned (alg=none) tokens are refused.
 */
public final class IdTokenVerifier {

  private final OidcMetadataProvider metadata;
  private final String clientId;
  private final CloseableHttpClient http;
  private volatile Validator validator;

  private record Validator(OidcMetadata source, IDTokenValidator validator) {}

  public IdTokenVerifier(OidcMetadataProvider metadata, String clientId, CloseableHttpClient http) {
    this.metadata = metadata;
    this.clientId = clientId;
    this.http = http;
  }

  public IDTokenClaimsSet verify(String idToken, String expectedNonce)
      throws InvalidIdTokenException {
    if (idToken == null || idToken.isBlank()) {
      throw new InvalidIdTokenException("the tenant returned no ID token", null);
    }
    try {
      return validator().validate(JWTParser.parse(idToken), new Nonce(expectedNonce));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new InvalidIdTokenException("ID token rejected: " + e.getMessage(), e);
    }
  }

  private IDTokenValidator validator() {
    OidcMetadata current = metadata.get();
    Validator cached = validator;
    if (cached != null && cached.source() == current) {
      return cached.validator();
    }
    try {
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.create(current.jwksUri().toURL(), new HttpResourceRetriever(http))
              .build();
      IDTokenValidator fresh =
          new IDTokenValidator(
              new Issuer(current.issuer()),
              new ClientID(clientId),
              new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys),
              null);
      fresh.setMaxClockSkew(120);
      validator = new Validator(current, fresh);
      return fresh;
    } catch (MalformedURLException e) {
      throw new IdentityProviderException("the tenant's jwks_uri is not a URL", e);
    }
  }
}
