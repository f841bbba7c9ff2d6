package org.editprofile.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Set;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.editprofile.auth.HttpResourceRetriever;
import org.editprofile.auth.IdentityProviderException;
import org.editprofile.auth.OidcMetadata;
import org.editprofile.auth.OidcMetadataProvider;
import org.editprofile.config.ServiceSettings;

/**
 * The edit profile service's own check of the caller's access token, before anything else: RS256
 * signature against the tenant's JWKS, issuer, audience (this service), expiry and not-before, and
 * the required delegated scope.
 */
public final class BearerTokenValidator {

  private final OidcMetadataProvider metadata;
  private final ServiceSettings settings;
  private final CloseableHttpClient http;
  private volatile Processor processor;

  private record Processor(OidcMetadata source, DefaultJWTProcessor<SecurityContext> processor) {}

  /** Why a token was refused, in the terms of RFC 6750's WWW-Authenticate error codes. */
  public static final class RejectedTokenException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String error;

    RejectedTokenException(String error, String description) {
      super(description);
      this.error = error;
    }

    /** invalid_token or insufficient_scope. */
    public String error() {
      return error;
    }
  }

  public BearerTokenValidator(
      OidcMetadataProvider metadata, ServiceSettings settings, CloseableHttpClient http) {
    this.metadata = metadata;
    this.settings = settings;
    this.http = http;
  }

  public JWTClaimsSet validate(String token) throws RejectedTokenException {
    JWTClaimsSet claims;
    try {
      claims = processor().process(token, null);
    } catch (ParseException e) {
      throw new RejectedTokenException("invalid_token", "The access token is malformed");
    } catch (BadJOSEException | JOSEException e) {
      throw new RejectedTokenException("invalid_token", "The access token is not valid");
    }
    String scp;
    try {
      scp = claims.getStringClaim("scp");
    } catch (ParseException e) {
      scp = null;
    }
    if (scp == null || !Arrays.asList(scp.split(" ")).contains(settings.requiredScope())) {
      throw new RejectedTokenException(
          "insufficient_scope",
          "The access token lacks the " + settings.requiredScope() + " scope");
    }
    return claims;
  }

  private DefaultJWTProcessor<SecurityContext> processor() {
    OidcMetadata current = metadata.get();
    Processor cached = processor;
    if (cached != null && cached.source() == current) {
      return cached.processor();
    }
    try {
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.create(current.jwksUri().toURL(), new HttpResourceRetriever(http))
              .build();
      DefaultJWTProcessor<SecurityContext> fresh = new DefaultJWTProcessor<>();
      fresh.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
      DefaultJWTClaimsVerifier<SecurityContext> verifier =
          new DefaultJWTClaimsVerifier<>(
              settings.acceptedAudiences(),
              new JWTClaimsSet.Builder().issuer(current.issuer()).build(),
              Set.of("exp", "iat", "sub", "oid", "scp"),
              null);
      verifier.setMaxClockSkew(120);
      fresh.setJWTClaimsSetVerifier(verifier);
      processor = new Processor(current, fresh);
      return fresh;
    } catch (MalformedURLException e) {
      throw new IdentityProviderException("the tenant's jwks_uri is not a URL", e);
    }
  }
}
