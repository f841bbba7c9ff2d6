package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edit profile service on its own: it checks the bearer token itself and refuses bad input with
 * the right 4xx, and in none of those cases does it call Graph.
 */
class EditProfileServiceIT {

  private static DevTenant tenant;
  private static String api;
  private static DevTenantUser user;

  /** The service with Graph's application permission: its deletion route exists. */
  private static EmbeddedTomcat deleting;

  @BeforeAll
  static void start() {
    tenant = TestEnvironment.tenant();
    api = TestEnvironment.serviceApp().baseUrl() + "/api/updateUserInfo";
    user = TestEnvironment.newUser("Service Caller");
    deleting = TestEnvironment.start(EmbeddedTomcat.accountSettingsFor(tenant));
  }

  @AfterAll
  static void stop() throws Exception {
    deleting.close();
  }

  /** A v2.0 access token for the service, as the tenant issues it after MFA. */
  private static JWTClaimsSet.Builder valid() {
    return valid(2);
  }

  private static JWTClaimsSet.Builder valid(int version) {
    return tenant.accessTokenClaims(version, user.oid(), DevTenant.SERVICE_SCOPE_NAME);
  }

  /** The same token as another tenant of the same cloud would issue it. */
  private static JWTClaimsSet.Builder fromOtherTenant(int version) {
    String other = "0a1b2c3d-0000-4000-8000-000000000001";
    JWTClaimsSet claims = valid(version).build();
    return new JWTClaimsSet.Builder(claims)
        .issuer(claims.getIssuer().replace(DevTenant.TENANT_ID, other))
        .claim("tid", other);
  }

  private static Page call(String authorization, String contentType, String body)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return new Browser().send(request);
  }

  /** Entra issues v1.0 tokens unless the API's registration asks for v2.0: both are accepted. */
  @ParameterizedTest(name = "v{0}.0 access token")
  @ValueSource(ints = {1, 2})
  void validTokenOfEitherVersionUpdatesTheProfileOnBehalfOfTheUser(int version) throws IOException {
    long patches = tenant.requests("graph.patch");
    JWTClaimsSet claims = valid(version).build();
    assertEquals(version + ".0", claims.getClaim("ver"));
    Page page =
        call(
            "Bearer " + tenant.sign(claims),
            "application/json",
            "{\"displayName\":\"Via Service v" + version + "\",\"city\":null}");
    assertEquals(204, page.status(), page.body());
    assertEquals(patches + 1, tenant.requests("graph.patch"));
    assertEquals(
        "Via Service v" + version,
        tenant.directory().byOid(user.oid()).orElseThrow().snapshot().get("displayName"));
  }

  @Test
  void repeatedSavesWithTheSameTokenExchangeItOnce() throws IOException {
    String token = tenant.sign(valid().build());
    long tokenCalls = tenant.requests("token");
    for (int i = 0; i < 3; i++) {
      Page page = call("Bearer " + token, "application/json", "{\"city\":\"Round " + i + "\"}");
      assertEquals(204, page.status(), page.body());
    }
    assertEquals(
        tokenCalls + 1,
        tenant.requests("token"),
        "one on-behalf-of exchange, then its cached result");
  }

  static Stream<Arguments> badTokens() throws JOSEException {
    Instant now = Instant.now();
    return Stream.of(
        Arguments.of("missing", (UnaryOperator<String>) t -> null, 401),
        Arguments.of("malformed", (UnaryOperator<String>) t -> "Bearer not.a.jwt", 401),
        Arguments.of("not bearer", (UnaryOperator<String>) t -> "Basic dXNlcjpwYXNz", 401),
        Arguments.of(
            "expired",
            signed(
                valid()
                    .expirationTime(Date.from(now.minusSeconds(600)))
                    .issueTime(Date.from(now.minusSeconds(4000)))),
            401),
        Arguments.of(
            "not yet valid", signed(valid().notBeforeTime(Date.from(now.plusSeconds(3600)))), 401),
        Arguments.of(
            "wrong audience",
            signed(valid().audience("00000003-0000-0000-c000-000000000000")),
            401),
        Arguments.of(
            "wrong issuer",
            signed(valid().issuer("https://evil.example/" + DevTenant.TENANT_ID + "/v2.0")),
            401),
        Arguments.of("v2 token of another tenant", signed(fromOtherTenant(2)), 401),
        Arguments.of("v1 token of another tenant", signed(fromOtherTenant(1)), 401),
        Arguments.of(
            "v2 token with this tenant's issuer but another tid",
            signed(valid(2).claim("tid", "0a1b2c3d-0000-4000-8000-000000000001")),
            401),
        Arguments.of(
            "v1 token for another API of the tenant",
            signed(valid(1).audience("api://0a1b2c3d-0000-4000-8000-000000000002")),
            401),
        Arguments.of(
            "v2 token for another API of the tenant",
            signed(valid(2).audience("0a1b2c3d-0000-4000-8000-000000000002")),
            401),
        Arguments.of(
            "workforce v1 issuer of another tenant",
            signed(
                valid(1)
                    .issuer("https://sts.windows.net/0a1b2c3d-0000-4000-8000-000000000001/")
                    .claim("tid", "0a1b2c3d-0000-4000-8000-000000000001")),
            401),
        Arguments.of(
            "v2 token the tenant issued to another client",
            signed(valid(2).claim("azp", "0a1b2c3d-0000-4000-8000-000000000003")),
            401),
        Arguments.of(
            "v1 token the tenant issued to another client",
            signed(valid(1).claim("appid", "0a1b2c3d-0000-4000-8000-000000000003")),
            401),
        Arguments.of("v2 token without azp", signed(valid(2).claim("azp", null)), 401),
        Arguments.of("v1 token without appid", signed(valid(1).claim("appid", null)), 401),
        Arguments.of(
            "v1 token carrying the web app as azp only",
            signed(valid(1).claim("appid", null).claim("azp", tenant.webClientId())),
            401),
        Arguments.of(
            "issued in the future",
            signed(valid().issueTime(Date.from(now.plusSeconds(3600)))),
            401),
        Arguments.of("missing scope", signed(valid().claim("scp", "User.Read")), 403),
        Arguments.of("unknown key", foreignKey(valid().build(), false), 401),
        Arguments.of("bad signature", foreignKey(valid().build(), true), 401),
        Arguments.of(
            "alg none",
            (UnaryOperator<String>) t -> "Bearer " + new PlainJWT(valid().build()).serialize(),
            401),
        Arguments.of("HS256 with the public key", hmacWithPublicKey(valid().build()), 401));
  }

  private static UnaryOperator<String> signed(JWTClaimsSet.Builder claims) {
    return t -> "Bearer " + tenant.sign(claims.build());
  }

  /** Signed by another key: with a kid the tenant never published, or with the tenant's kid. */
  private static UnaryOperator<String> foreignKey(JWTClaimsSet claims, boolean useTenantKid)
      throws JOSEException {
    var other =
        new RSAKeyGenerator(2048)
            .keyID(useTenantKid ? tenant.publicSigningKey().getKeyID() : "unknown-kid")
            .generate();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(other.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(other));
    return t -> "Bearer " + jwt.serialize();
  }

  private static UnaryOperator<String> hmacWithPublicKey(JWTClaimsSet claims) throws JOSEException {
    byte[] secret = tenant.publicSigningKey().toRSAPublicKey().getEncoded();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(tenant.publicSigningKey().getKeyID())
                .build(),
            claims);
    jwt.sign(new MACSigner(secret));
    return t -> "Bearer " + jwt.serialize();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void badBearerTokensAreRefusedWithoutCallingGraph(
      String name, UnaryOperator<String> header, int status) throws IOException {
    long patches = tenant.requests("graph.patch");
    long tokenCalls = tenant.requests("token");
    Page page =
        call(header.apply(null), "application/json", "{\"displayName\":\"Should Not Apply\"}");
    assertEquals(status, page.status(), name + ": " + page.body());
    assertTrue(page.header("WWW-Authenticate").orElse("").startsWith("Bearer"), "WWW-Authenticate");
    assertTrue(page.header("Content-Type").orElse("").startsWith("application/problem+json"));
    assertEquals(patches, tenant.requests("graph.patch"), "no Graph call");
    assertEquals(tokenCalls, tenant.requests("token"), "no on-behalf-of exchange");
  }

  /** The deletion route checks the bearer token exactly as the update route does, first. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void badBearerTokensCannotDeleteAnAccount(String name, UnaryOperator<String> header, int status)
      throws IOException {
    long deletes = tenant.requests("graph.app.delete");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(deleting.baseUrl() + "/api/deleteAccount"))
            .POST(HttpRequest.BodyPublishers.noBody());
    String authorization = header.apply(null);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    Page page = new Browser().send(request);
    assertEquals(status, page.status(), name + ": " + page.body());
    assertTrue(page.header("WWW-Authenticate").orElse("").startsWith("Bearer"), name);
    assertEquals(deletes, tenant.requests("graph.app.delete"), "no Graph call");
    assertTrue(tenant.directory().byOid(user.oid()).isPresent());
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("malformed JSON", "application/json", "{\"displayName\":", 400),
        Arguments.of("not an object", "application/json", "[\"displayName\"]", 400),
        Arguments.of("wrong content type", "text/plain", "{\"displayName\":\"x\"}", 415),
        Arguments.of("no content type", null, "{\"displayName\":\"x\"}", 415),
        Arguments.of(
            "oversized",
            "application/json",
            "{\"streetAddress\":\"" + "a".repeat(20_000) + "\"}",
            413),
        Arguments.of("unknown field", "application/json", "{\"isAdmin\":\"true\"}", 400),
        Arguments.of(
            "read-only field", "application/json", "{\"mail\":\"attacker@evil.example\"}", 400),
        Arguments.of(
            "over-long value",
            "application/json",
            "{\"givenName\":\"" + "g".repeat(65) + "\"}",
            400),
        Arguments.of("control characters", "application/json", "{\"city\":\"a\\u0000b\"}", 400),
        Arguments.of("blank display name", "application/json", "{\"displayName\":\"  \"}", 400),
        Arguments.of("number value", "application/json", "{\"city\":42}", 400),
        Arguments.of("duplicate keys", "application/json", "{\"city\":\"a\",\"city\":\"b\"}", 400),
        Arguments.of("empty object", "application/json", "{}", 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void badBodiesAreRefusedWithoutCallingGraph(
      String name, String contentType, String body, int status) throws IOException {
    long patches = tenant.requests("graph.patch");
    Page page = call("Bearer " + tenant.sign(valid().build()), contentType, body);
    assertEquals(status, page.status(), name + ": " + page.body());
    assertTrue(page.header("Content-Type").orElse("").startsWith("application/problem+json"), name);
    assertEquals(patches, tenant.requests("graph.patch"), "no Graph call");
  }

  /** A chunked body is counted as it is read: 2 MB without Content-Length is refused at 16 KB. */
  @Test
  void anOversizedChunkedBodyIsRefusedWithoutCallingGraph() throws IOException {
    long patches = tenant.requests("graph.patch");
    byte[] body =
        ("{\"streetAddress\":\"" + "a".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    Page page =
        new Browser()
            .send(
                HttpRequest.newBuilder(URI.create(api))
                    .header("Authorization", "Bearer " + tenant.sign(valid().build()))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(body))));
    assertEquals(413, page.status(), page.body());
    assertTrue(page.header("Content-Type").orElse("").startsWith("application/problem+json"));
    assertEquals(patches, tenant.requests("graph.patch"), "no Graph call");
  }

  @Test
  void getIsNotAllowed() throws IOException {
    Page page = new Browser().get(api);
    assertEquals(405, page.status());
  }
}
