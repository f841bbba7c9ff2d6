package org.editprofile.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.editprofile.MutableClock;
import org.editprofile.TestJwts;
import org.editprofile.config.ServiceSettings;
import org.editprofile.credential.ClientCredentialSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service's authentication-context requirement on real, signed tokens: only a verified {@code
 * acrs} naming the context counts, in v1.0 and v2.0 tokens alike; a caller that declared {@code
 * cp1} gets a claims challenge, any other a plain refusal.
 */
class AuthContextCheckTest {

  private static final String TENANT = "5b1e7c2a-0000-4000-8000-00000000c1c1";
  private static final String SERVICE = "service-client";
  private static final String WEB_APP = "web-app-client";
  private static final String CHALLENGE =
      "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}";

  private static LocalDiscovery discovery;
  private static RSAKey key;

  private final Instant start = Instant.now();
  private final BearerTokenValidator validator = validator(Optional.of("c1"));

  @BeforeAll
  static void start() throws Exception {
    discovery = new LocalDiscovery(TENANT);
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
  }

  @AfterAll
  static void stop() throws Exception {
    discovery.close();
  }

  private BearerTokenValidator validator(Optional<String> context) {
    JWKSource<SecurityContext> keys =
        (selector, securityContext) -> selector.select(new JWKSet(key).toPublicJWKSet());
    return new BearerTokenValidator(
        discovery.metadata(),
        keys,
        new ServiceSettings(
            SERVICE,
            ClientCredentialSource.secret("unused"),
            ServiceSettings.DEFAULT_SCOPE,
            Set.of(WEB_APP),
            context),
        new MutableClock(start));
  }

  private JWTClaimsSet.Builder v2() {
    return discovery.accessTokenClaims(SERVICE, WEB_APP, start, Duration.ofHours(1));
  }

  /** The same token in Entra's v1.0 form: its own issuer, appid, the App ID URI as audience. */
  private JWTClaimsSet.Builder v1() {
    return v2().issuer("https://sts.windows.net/" + TENANT + "/")
        .audience("api://" + SERVICE)
        .claim("ver", "1.0")
        .claim("azp", null)
        .claim("appid", WEB_APP);
  }

  private BearerTokenValidator.Check check(JWTClaimsSet.Builder claims) throws Exception {
    return validator.validate(TestJwts.sign(claims.build(), key));
  }

  private static BearerTokenValidator.Check.MissingAuthContext missing(
      BearerTokenValidator.Check check) {
    return assertInstanceOf(BearerTokenValidator.Check.MissingAuthContext.class, check);
  }

  @Test
  void aTokenWhoseAcrsNamesTheContextIsAcceptedInBothVersions() throws Exception {
    assertInstanceOf(
        BearerTokenValidator.Check.Accepted.class, check(v2().claim("acrs", List.of("c1"))));
    assertInstanceOf(
        BearerTokenValidator.Check.Accepted.class, check(v1().claim("acrs", List.of("c3", "c1"))));
  }

  @Test
  void aTokenWithoutAcrsIsChallengedWhenItsClientDeclaredCp1() throws Exception {
    for (JWTClaimsSet.Builder token : List.of(v2(), v1())) {
      BearerTokenValidator.Check.MissingAuthContext missing =
          missing(check(token.claim("xms_cc", List.of("cp1"))));
      assertEquals("c1", missing.context());
      assertEquals(Optional.of(CHALLENGE), missing.claimsChallenge());
    }
  }

  @Test
  void anotherContextDoesNotCount() throws Exception {
    BearerTokenValidator.Check.MissingAuthContext missing =
        missing(check(v2().claim("acrs", List.of("c2", "c10")).claim("xms_cc", List.of("cp1"))));
    assertEquals(Optional.of(CHALLENGE), missing.claimsChallenge());
  }

  @Test
  void theContextOutsideAcrsDoesNotCount() throws Exception {
    missing(check(v2().claim("scp", ServiceSettings.DEFAULT_SCOPE + " c1")));
    missing(check(v2().claim("acr", "c1").claim("amr", List.of("c1"))));
  }

  @Test
  void aClientWithoutCp1GetsAPlainRefusalNotAChallenge() throws Exception {
    assertEquals(Optional.empty(), missing(check(v2())).claimsChallenge());
    assertEquals(
        Optional.empty(),
        missing(check(v2().claim("xms_cc", List.of("cp2")).claim("acrs", List.of("c2"))))
            .claimsChallenge());
  }

  @Test
  void acrsAddedToAnUnsignedOrAlteredTokenIsNotTrusted() throws Exception {
    String signed = TestJwts.sign(v2().build(), key);
    String[] parts = signed.split("\\.");
    String forgedPayload =
        Base64URL.encode(v2().claim("acrs", List.of("c1")).build().toString()).toString();
    assertEquals(
        "invalid_token",
        assertInstanceOf(
                BearerTokenValidator.Check.Rejected.class,
                validator.validate(parts[0] + "." + forgedPayload + "." + parts[2]))
            .error());
    String unsigned = new PlainJWT(v2().claim("acrs", List.of("c1")).build()).serialize();
    assertEquals(
        "invalid_token",
        assertInstanceOf(BearerTokenValidator.Check.Rejected.class, validator.validate(unsigned))
            .error());
    String noneButKeyed =
        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build().toBase64URL()
            + "."
            + forgedPayload
            + ".";
    assertInstanceOf(BearerTokenValidator.Check.Rejected.class, validator.validate(noneButKeyed));
  }

  @Test
  void withoutARequiredContextATokenWithoutAcrsIsAccepted() throws Exception {
    assertInstanceOf(
        BearerTokenValidator.Check.Accepted.class,
        validator(Optional.empty()).validate(TestJwts.sign(v2().build(), key)));
  }
}
