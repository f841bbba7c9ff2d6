package org.editprofile.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.text.ParseException;
import org.editprofile.tenant.OidcMetadata;
import org.editprofile.tenant.OidcMetadataProvider;
import org.editprofile.tenant.TenantKeys;

/**
 * Checks the ID token MSAL4J hands back, which MSAL4J itself does not: RS256 signature against the
 * tenant's keys, issuer, audience, expiry and nonce. Unsigned (alg=none) tokens are refused.
 */
public final class IdTokenVerifier {

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

  private IDTokenValidator validator() {
    OidcMetadata current = metadata.get();
    Validator cached = validator;
    if (cached != null && cached.source() == current) {
      return cached.validator();
    }
    IDTokenValidator fresh =
        new IDTokenValidator(
            new Issuer(current.issuer()), new ClientID(clientId), keys.rs256(), null);
    fresh.setMaxClockSkew(120);
    validator = new Validator(current, fresh);
    return fresh;
  }
}
