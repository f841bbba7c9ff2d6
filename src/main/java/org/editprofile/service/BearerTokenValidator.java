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
 *
 * <p>Entra issues v1.0 access tokens unless the API's registration sets {@code
 * requestedAccessTokenVersion} to 2, and the two versions have different issuers. Like Microsoft's
 * own validator (Microsoft.IdentityModel's AadIssuerValidator: the issuer must be one of the
 * tenant's issuer templates with the token's {@code tid} in it), a token is accepted only when its
 * {@code tid} is this tenant's id and its issuer is one of this tenant's {@link TenantIssuers}.
 */
public final class BearerTokenValidator {

  private final OidcMetadataProvider metadata;
  private final ServiceSettings settings;
  private final CloseableHttpClient http;
  private volatile Processor processor;

  private record Processor(
      OidcMetadata source, DefaultJWTProcessor<SecurityContext> processor, TenantIssuers issuers) {}

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
    Processor current = processor();
    JWTClaimsSet claims;
    try {
      claims = current.processor().process(token, null);
    } catch (ParseException e) {
      throw new RejectedTokenException("invalid_token", "The access token is malformed");
    } catch (BadJOSEException | JOSEException e) {
      throw new RejectedTokenException("invalid_token", "The access token is not valid");
    }
    String scp;
    String tid;
    try {
      scp = claims.getStringClaim("scp");
      tid = claims.getStringClaim("tid");
    } catch (ParseException e) {
      throw new RejectedTokenException("invalid_token", "The access token is malformed");
    }
    TenantIssuers issuers = current.issuers();
    if (!issuers.tenantId().equals(tid) || !issuers.accepts(claims.getIssuer())) {
      throw new RejectedTokenException("invalid_token", "The access token is not valid");
    }
    if (scp == null || !Arrays.asList(scp.split(" ")).contains(settings.requiredScope())) {
      throw new RejectedTokenException(
          "insufficient_scope",
          "The access token lacks the " + settings.requiredScope() + " scope");
    }
    return claims;
  }

  private Processor processor() {
    OidcMetadata current = metadata.get();
    Processor cached = processor;
    if (cached != null && cached.source() == current) {
      return cached;
    }
    try {
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.create(current.jwksUri().toURL(), new HttpResourceRetriever(http))
              .build();
      DefaultJWTProcessor<SecurityContext> fresh = new DefaultJWTProcessor<>();
      fresh.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
      // The issuer is checked after, against both of the tenant's forms.
      DefaultJWTClaimsVerifier<SecurityContext> verifier =
          new DefaultJWTClaimsVerifier<>(
              settings.acceptedAudiences(),
              null,
              Set.of("exp", "iat", "iss", "sub", "oid", "tid", "scp"),
              null);
      verifier.setMaxClockSkew(120);
      fresh.setJWTClaimsSetVerifier(verifier);
      Processor built = new Processor(current, fresh, TenantIssuers.of(current.issuer()));
      processor = built;
      return built;
    } catch (MalformedURLException e) {
      throw new IdentityProviderException("the tenant's jwks_uri is not a URL", e);
    } catch (IllegalArgumentException e) {
      throw new IdentityProviderException("the tenant's issuer is not a v2.0 issuer", e);
    }
  }
}
