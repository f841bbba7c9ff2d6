package org.editprofile.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
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
 *
 * <p>Any client of the tenant can be granted the service's scope, so the client the token was
 * issued to ({@code azp} in v2.0, {@code appid} in v1.0) must be one the settings allow, by default
 * the web app alone. A token issued in the future (beyond two minutes of clock skew) is refused.
 */
public final class BearerTokenValidator {

  private final OidcMetadataProvider metadata;
  private final TenantKeys keys;
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(120);

  private final ServiceSettings settings;
  private final Clock clock;
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
      OidcMetadataProvider metadata, TenantKeys keys, ServiceSettings settings, Clock clock) {
    this.metadata = metadata;
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
  }

  public Check validate(String token) {
    Processor current = processor();
    JWTClaimsSet claims;
    String scp;
    String tid;
    String caller;
    try {
      claims = current.processor().process(token, null);
      scp = claims.getStringClaim("scp");
      tid = claims.getStringClaim("tid");
      caller = callingClient(claims);
    } catch (ParseException e) {
      return Check.Rejected.invalid("The access token is malformed");
    } catch (BadJOSEException | JOSEException e) {
      return Check.Rejected.invalid("The access token is not valid");
    }
    TenantIssuers issuers = current.issuers();
    if (!issuers.tenantId().equals(tid) || !issuers.accepts(claims.getIssuer())) {
      return Check.Rejected.invalid("The access token is not valid");
    }
    if (claims.getIssueTime().toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
      return Check.Rejected.invalid("The access token is not valid yet");
    }
    if (caller == null || !settings.allowedClientIds().contains(caller)) {
      return Check.Rejected.invalid(
          "The access token was issued to a client that may not call this service");
    }
    if (scp == null || !Arrays.asList(scp.split(" ")).contains(settings.requiredScope())) {
      return new Check.Rejected(
          "insufficient_scope",
          "The access token lacks the " + settings.requiredScope() + " scope");
    }
    return new Check.Accepted(claims);
  }

  /** The client the token was issued to: v1.0 tokens name it {@code appid}, v2.0 {@code azp}. */
  private static String callingClient(JWTClaimsSet claims) throws ParseException {
    String version = claims.getStringClaim("ver");
    if ("1.0".equals(version)) {
      return claims.getStringClaim("appid");
    }
    return "2.0".equals(version) ? claims.getStringClaim("azp") : null;
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
    verifier.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
    fresh.setJWTClaimsSetVerifier(verifier);
    Processor built = new Processor(current, fresh, issuers);
    processor = built;
    return built;
  }
}
