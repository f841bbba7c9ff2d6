package org.editprofile.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.editprofile.config.ServiceSettings;
import org.editprofile.tenant.OidcMetadata;
import org.editprofile.tenant.OidcMetadataProvider;
import org.editprofile.tenant.TenantException;

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
 *
 * <p>When the settings require an authentication context, the token's {@code acrs} claim must name
 * it ({@link AuthContextRequirement}); a token that does not is answered with what the caller can
 * do about it.
 *
 * <p>A token verified before is not parsed and RSA-checked again while the tenant offers the same
 * keys for it ({@link VerifiedBearers}); its expiry, not-before and every rule above are checked
 * again on each request, against this validator's clock.
 */
public final class BearerTokenValidator {

  private final OidcMetadataProvider metadata;
  private final JWKSource<SecurityContext> keys;
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(120);

  private final ServiceSettings settings;
  private final Optional<AuthContextRequirement> authContext;
  private final Clock clock;
  private volatile Processor processor;

  /**
   * The checks for one version of the discovery document (whose issuer they check), with the tokens
   * verified under it: a new document starts with none.
   */
  private record Processor(
      OidcMetadata source,
      DefaultJWTProcessor<OfferedKeys> processor,
      DefaultJWTClaimsVerifier<OfferedKeys> claimsVerifier,
      TenantIssuers issuers,
      VerifiedBearers verified) {}

  /** One check's context: which of the tenant's keys were offered for the token's signature. */
  private static final class OfferedKeys implements SecurityContext {
    private JWKSelector selector;
    private List<JWK> keys;
  }

  /** The outcome of the checks. */
  public sealed interface Check {

    record Accepted(JWTClaimsSet claims) implements Check {}

    /**
     * A valid token without the required authentication context.
     *
     * @param context the context the settings require
     * @param claimsChallenge the claims request the caller's user must satisfy, when the caller
     *     declared it can handle one ({@code cp1} in {@code xms_cc}); empty otherwise
     */
    record MissingAuthContext(String context, Optional<String> claimsChallenge) implements Check {}

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

  /**
   * @param keys the tenant's signing keys (the app's {@code TenantKeys})
   */
  public BearerTokenValidator(
      OidcMetadataProvider metadata,
      JWKSource<SecurityContext> keys,
      ServiceSettings settings,
      Clock clock) {
    this.metadata = metadata;
    this.keys = keys;
    this.settings = settings;
    this.authContext = settings.requiredAuthContext().map(AuthContextRequirement::new);
    this.clock = clock;
  }

  public Check validate(String token) {
    Processor current = processor();
    JWTClaimsSet claims;
    String scp;
    String tid;
    String caller;
    try {
      claims = verifiedClaims(current, token);
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
    if (authContext.isPresent() && !authContext.get().isMetBy(claims)) {
      return new Check.MissingAuthContext(
          authContext.get().context(), authContext.get().challengeFor(claims));
    }
    return new Check.Accepted(claims);
  }

  /**
   * The token's claims once its signature and time-bound claims hold: from an earlier verification
   * while the tenant still offers the very keys it was checked with, otherwise verified now.
   */
  private JWTClaimsSet verifiedClaims(Processor current, String token)
      throws ParseException, BadJOSEException, JOSEException {
    Optional<VerifiedBearers.Verified> known = current.verified().find(token);
    if (known.isPresent()
        && keys.get(known.get().offered(), null).equals(known.get().offeredKeys())) {
      current.claimsVerifier().verify(known.get().claims(), null);
      return known.get().claims();
    }
    OfferedKeys offered = new OfferedKeys();
    JWTClaimsSet claims = current.processor().process(token, offered);
    if (offered.keys != null && claims.getExpirationTime() != null) {
      current
          .verified()
          .remember(
              token,
              new VerifiedBearers.Verified(
                  offered.selector,
                  offered.keys,
                  claims,
                  claims.getExpirationTime().toInstant().plus(CLOCK_SKEW)));
    }
    return claims;
  }

  /** How many tokens are remembered as verified under the current discovery document. */
  int rememberedTokens() {
    Processor current = processor;
    return current == null ? 0 : current.verified().size();
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
    DefaultJWTProcessor<OfferedKeys> fresh = new DefaultJWTProcessor<>();
    // Entra signs with RS256 only. The key source notes in the check's context what it offered.
    fresh.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256,
            (JWKSelector selector, OfferedKeys context) -> {
              List<JWK> found = keys.get(selector, null);
              context.selector = selector;
              context.keys = found;
              return found;
            }));
    // The issuer is checked after, against both of the tenant's forms.
    DefaultJWTClaimsVerifier<OfferedKeys> verifier =
        new DefaultJWTClaimsVerifier<>(
            settings.acceptedAudiences(),
            null,
            Set.of("exp", "iat", "iss", "sub", "oid", "tid", "scp"),
            null) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    verifier.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
    fresh.setJWTClaimsSetVerifier(verifier);
    Processor built = new Processor(current, fresh, verifier, issuers, new VerifiedBearers(clock));
    processor = built;
    return built;
  }
}
