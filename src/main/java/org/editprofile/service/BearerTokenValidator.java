package org.editprofile.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Set;
import org.editprofile.config.ServiceSettings;
import org.editprofile.tenant.OidcMetadata;
import org.editprofile.tenant.OidcMetadataProvider;
import org.editprofile.tenant.TenantException;
import org.editprofile.tenant.TenantKeys;

/**
 * The edit profile service's own check of the caller's access token, before anything else: RS256
 * signature against the tenant's keys, issuer, audience (this service), expiry and not-before, and
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
  private final TenantKeys keys;
  private final ServiceSettings settings;
  private volatile Processor processor;

  /** The processor for one version of the discovery document (whose issuer it checks). */
  private record Processor(
      OidcMetadata source, DefaultJWTProcessor<SecurityContext> processor, TenantIssuers issuers) {}

  /** The outcome of the checks. */
  public sealed interface Check {

    record Accepted(JWTClaimsSet claims) implements Check {}

    /**
     * @param error RFC 6750's code: {@code invalid_token} or {@code insufficient_scope}
     * @param description safe to send back to the caller
     */
    record Rejected(String error, String description) implements Check {

      static Rejected invalid(String description) {
        return new Rejected("invalid_token", description);
      }
    }
  }

  public BearerTokenValidator(
      OidcMetadataProvider metadata, TenantKeys keys, ServiceSettings settings) {
    this.metadata = metadata;
    this.keys = keys;
    this.settings = settings;
  }

  public Check validate(String token) {
    Processor current = processor();
    JWTClaimsSet claims;
    String scp;
    String tid;
    try {
      claims = current.processor().process(token, null);
      scp = claims.getStringClaim("scp");
      tid = claims.getStringClaim("tid");
    } catch (ParseException e) {
      return Check.Rejected.invalid("The access token is malformed");
    } catch (BadJOSEException | JOSEException e) {
      return Check.Rejected.invalid("The access token is not valid");
    }
    TenantIssuers issuers = current.issuers();
    if (!issuers.tenantId().equals(tid) || !issuers.accepts(claims.getIssuer())) {
      return Check.Rejected.invalid("The access token is not valid");
    }
    if (scp == null || !Arrays.asList(scp.split(" ")).contains(settings.requiredScope())) {
      return new Check.Rejected(
          "insufficient_scope",
          "The access token lacks the " + settings.requiredScope() + " scope");
    }
    return new Check.Accepted(claims);
  }

  private Processor processor() {
    OidcMetadata current = metadata.get();
    Processor cached = processor;
    if (cached != null && cached.source() == current) {
      return cached;
    }
    TenantIssuers issuers;
    try {
      issuers = TenantIssuers.of(current.issuer());
    } catch (IllegalArgumentException e) {
      throw new TenantException("the tenant's issuer is not a v2.0 issuer", e);
    }
    DefaultJWTProcessor<SecurityContext> fresh = new DefaultJWTProcessor<>();
    fresh.setJWSKeySelector(keys.rs256());
    // The issuer is checked after, against both of the tenant's forms.
    DefaultJWTClaimsVerifier<SecurityContext> verifier =
        new DefaultJWTClaimsVerifier<>(
            settings.acceptedAudiences(),
            null,
            Set.of("exp", "iat", "iss", "sub", "oid", "tid", "scp"),
            null);
    verifier.setMaxClockSkew(120);
    fresh.setJWTClaimsSetVerifier(verifier);
    Processor built = new Processor(current, fresh, issuers);
    processor = built;
    return built;
  }
}
