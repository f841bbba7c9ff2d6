package org.editprofile.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.editprofile.MutableClock;
import org.editprofile.TestJwts;
import org.editprofile.config.ServiceSettings;
import org.editprofile.credential.ClientCredentialSource;
import org.editprofile.tenant.OidcMetadataProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service's bearer checks, and that a token verified before is accepted again only while a
 * fresh verification would accept it: same keys offered, not expired, every rule still met.
 */
class BearerTokenValidatorTest {

  private static final String TENANT = "5b1e7c2a-0000-4000-8000-00000000a1a1";
  private static final String SERVICE = "service-client";
  private static final String WEB_APP = "web-app-client";
  private static final String SCOPE = ServiceSettings.DEFAULT_SCOPE;

  private static LocalDiscovery discovery;
  private static String issuer;
  private static OidcMetadataProvider metadata;

  private final RSAKey key = generate("k1");
  private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(key));
  private final JWKSource<SecurityContext> keys =
      (selector, context) -> selector.select(published.get().toPublicJWKSet());
  private final Instant start = Instant.now();
  private final MutableClock clock = new MutableClock(start);
  private final BearerTokenValidator validator =
      new BearerTokenValidator(
          metadata,
          keys,
          new ServiceSettings(
              SERVICE, ClientCredentialSource.secret("unused"), SCOPE, Set.of(WEB_APP)),
          clock);

  @BeforeAll
  static void start() throws Exception {
    discovery = new LocalDiscovery(TENANT);
    issuer = discovery.issuer();
    metadata = discovery.metadata();
  }

  @AfterAll
  static void stop() throws Exception {
    discovery.close();
  }

  private static RSAKey generate(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A v2.0 token for the service, valid for an hour from the test's start. */
  private JWTClaimsSet.Builder claims() {
    return discovery.accessTokenClaims(SERVICE, WEB_APP, start, Duration.ofHours(1));
  }

  private static void assertRejected(String error, BearerTokenValidator.Check check) {
    assertEquals(error, assertInstanceOf(BearerTokenValidator.Check.Rejected.class, check).error());
  }

  @Test
  void validateWhenTheSameTokenComesAgainThenAcceptedAndRememberedOnce() throws Exception {
    String token = TestJwts.sign(claims().build(), key);
    for (int i = 0; i < 3; i++) {
      BearerTokenValidator.Check check = validator.validate(token);
      assertEquals(
          "oid-1",
          assertInstanceOf(BearerTokenValidator.Check.Accepted.class, check)
              .claims()
              .getStringClaim("oid"));
    }
    assertEquals(1, validator.rememberedTokens());
  }

  @Test
  void validateWhenTheKeyLeavesTheTenantsSetThenARememberedTokenIsRefused() throws Exception {
    String token = TestJwts.sign(claims().build(), key);
    assertInstanceOf(BearerTokenValidator.Check.Accepted.class, validator.validate(token));
    published.set(new JWKSet(generate("k2")));
    assertRejected("invalid_token", validator.validate(token));
  }

  @Test
  void validateWhenAnotherKeyTakesTheSameKeyIdThenARememberedTokenIsRefused() throws Exception {
    String token = TestJwts.sign(claims().build(), key);
    assertInstanceOf(BearerTokenValidator.Check.Accepted.class, validator.validate(token));
    published.set(new JWKSet(generate("k1")));
    assertRejected("invalid_token", validator.validate(token));
  }

  @Test
  void validateWhenANewKeyJoinsTheSetThenARememberedTokenIsStillAccepted() throws Exception {
    String token = TestJwts.sign(claims().build(), key);
    assertInstanceOf(BearerTokenValidator.Check.Accepted.class, validator.validate(token));
    published.set(new JWKSet(List.of(key, generate("k2"))));
    assertInstanceOf(BearerTokenValidator.Check.Accepted.class, validator.validate(token));
  }

  @Test
  void validateWhenARememberedTokenHasExpiredThenRefused() throws Exception {
    String token = TestJwts.sign(claims().build(), key);
    assertInstanceOf(BearerTokenValidator.Check.Accepted.class, validator.validate(token));
    // Within the two minutes of allowed clock skew: still accepted.
    clock.advance(Duration.ofHours(1).plusSeconds(60));
    assertInstanceOf(BearerTokenValidator.Check.Accepted.class, validator.validate(token));
    clock.advance(Duration.ofSeconds(61));
    assertRejected("invalid_token", validator.validate(token));
  }

  @Test
  void validateWhenATokenIsNotYetValidThenRefusedUntilItIs() throws Exception {
    String token =
        TestJwts.sign(
            claims().notBeforeTime(Date.from(start.plus(Duration.ofMinutes(10)))).build(), key);
    assertRejected("invalid_token", validator.validate(token));
    assertRejected("invalid_token", validator.validate(token));
    clock.advance(Duration.ofMinutes(10));
    assertInstanceOf(BearerTokenValidator.Check.Accepted.class, validator.validate(token));
  }

  @Test
  void validateWhenATokenLacksTheScopeThenRefusedEveryTime() throws Exception {
    String token = TestJwts.sign(claims().claim("scp", "User.Read").build(), key);
    assertRejected("insufficient_scope", validator.validate(token));
    assertRejected("insufficient_scope", validator.validate(token));
  }

  @Test
  void validateWhenTheSignatureIsForgedWithTheTenantsKeyIdThenRefusedAndNotRemembered()
      throws Exception {
    String forged = TestJwts.sign(claims().build(), generate("k1"));
    assertRejected("invalid_token", validator.validate(forged));
    assertRejected("invalid_token", validator.validate(forged));
    assertEquals(0, validator.rememberedTokens());
  }
}
