package org.editprofile.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.editprofile.TestJwts;
import org.editprofile.http.OutboundHttp;
import org.editprofile.tenant.OidcMetadataProvider;
import org.editprofile.tenant.TenantKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The app's own ID token checks, against a JWKS served over real HTTP. */
class IdTokenVerifierTest {

  private static final String CLIENT = "client-123";
  private static HttpServer server;
  private static RSAKey key;
  private static String issuer;
  private static CloseableHttpClient http;
  private static IdTokenVerifier verifier;

  @BeforeAll
  static void start() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    issuer = base + "/tenant/v2.0";
    server.createContext(
        "/tenant/v2.0/.well-known/openid-configuration",
        ex -> {
          byte[] body =
              ("{\"issuer\":\""
                      + issuer
                      + "\",\"jwks_uri\":\""
                      + base
                      + "/keys\",\"authorization_endpoint\":\""
                      + base
                      + "/authorize\"}")
                  .getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.createContext(
        "/keys",
        ex -> {
          byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    http = OutboundHttp.create(Duration.ofSeconds(2), Duration.ofSeconds(2));
    OidcMetadataProvider metadata =
        new OidcMetadataProvider(
            URI.create(issuer + "/.well-known/openid-configuration"),
            org.editprofile.tenant.ExpectedIssuer.forAuthority(issuer),
            http,
            Clock.systemUTC());
    verifier = new IdTokenVerifier(metadata, new TenantKeys(metadata, http), CLIENT);
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop(0);
    http.close();
  }

  private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(CLIENT)
            .subject("user-1")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(3600)))
            .claim("nonce", "n-1");
    change.accept(builder);
    return builder.build();
  }

  @Test
  void verifyWhenEverythingMatchesThenClaimsReturned() throws Exception {
    assertEquals(
        "user-1",
        assertInstanceOf(
                IdTokenVerifier.Check.Verified.class,
                verifier.verify(TestJwts.sign(claims(b -> {}), key), "n-1"))
            .claims()
            .getSubject()
            .getValue());
  }

  @Test
  void warmUpRunsATokenWithARealKeyIdUpToTheSignatureCheck() {
    IdTokenVerifier.Check check = verifier.warmUp().orElseThrow();
    String reason = assertInstanceOf(IdTokenVerifier.Check.Rejected.class, check).reason();
    // Rejected by the RSA check itself, not earlier for want of a key.
    assertEquals("ID token rejected: Signed JWT rejected: Invalid signature", reason);
  }

  @Test
  void warmUpClaimsPassTheChecksAGoodSignatureLeadsTo() {
    JWTClaimsSet claims = verifier.warmUpClaims();
    IdTokenVerifier.Check check = verifier.checkClaims(claims, "start-up");
    assertEquals(
        "start-up",
        assertInstanceOf(IdTokenVerifier.Check.Verified.class, check)
            .claims()
            .getSubject()
            .getValue());
    // The same checks as the validator's: another nonce is refused.
    assertRejected(verifier.checkClaims(claims, "other"));
  }

  @Test
  void verifyWhenNonceDiffersOrMissingThenRejected() throws Exception {
    assertRejected(verifier.verify(TestJwts.sign(claims(b -> {}), key), "other"));
    assertRejected(verifier.verify(TestJwts.sign(claims(b -> b.claim("nonce", null)), key), "n-1"));
  }

  @Test
  void verifyWhenAudienceIssuerOrLifetimeWrongThenRejected() throws Exception {
    Instant past = Instant.now().minusSeconds(7200);
    for (JWTClaimsSet bad :
        new JWTClaimsSet[] {
          claims(b -> b.audience("someone-else")),
          claims(b -> b.issuer("https://evil.example/tenant/v2.0")),
          claims(
              b -> b.expirationTime(Date.from(past)).issueTime(Date.from(past.minusSeconds(60)))),
          claims(b -> b.issueTime(Date.from(Instant.now().plusSeconds(3600))))
        }) {
      assertRejected(verifier.verify(TestJwts.sign(bad, key), "n-1"), bad.toString());
    }
  }

  @Test
  void verifyWhenSignatureForgedOrMissingThenRejected() throws Exception {
    RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate();
    assertRejected(verifier.verify(TestJwts.sign(claims(b -> {}), other), "n-1"));
    assertRejected(verifier.verify(new PlainJWT(claims(b -> {})).serialize(), "n-1"));
    SignedJWT hmac =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims(b -> {}));
    hmac.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
    assertRejected(verifier.verify(hmac.serialize(), "n-1"));
    assertRejected(verifier.verify("not-a-jwt", "n-1"));
    assertRejected(verifier.verify(null, "n-1"));
  }

  private static void assertRejected(IdTokenVerifier.Check check) {
    assertInstanceOf(IdTokenVerifier.Check.Rejected.class, check);
  }

  private static void assertRejected(IdTokenVerifier.Check check, String message) {
    assertInstanceOf(IdTokenVerifier.Check.Rejected.class, check, message);
  }
}
