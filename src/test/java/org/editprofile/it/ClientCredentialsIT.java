package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.editprofile.credential.TestCertificates;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Registrations.FederatedCredential;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.devtenant.launch.ExternalIssuer;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every credential the web app and the edit profile service can use, end to end against the dev
 * tenant, which checks client assertions and federated tokens as Entra does: certificates (PKCS#12
 * made by keytool, PEM key and certificate apart), a federated token file written by an external
 * issuer the tests play, and secrets read from files.
 */
class ClientCredentialsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUBJECT = "system:serviceaccount:shop:edit-profile";

  private static final DevTenant tenant = TestEnvironment.tenant();
  private static Path dir;
  private static ExternalIssuer cluster;
  private static final List<EmbeddedTomcat> apps = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    dir =
        Files.createDirectories(Path.of("target", "credentials-it", UUID.randomUUID().toString()));
    cluster = ExternalIssuer.start(tenant);
  }

  @AfterAll
  static void stop() throws Exception {
    for (EmbeddedTomcat app : apps) {
      app.close();
    }
    cluster.close();
  }

  private static EmbeddedTomcat startApp(Map<String, String> overrides) {
    EmbeddedTomcat app = TestEnvironment.start(overrides);
    apps.add(app);
    return app;
  }

  // ---- the dev tenant's checks, straight at its token endpoint ----

  private static String tokenEndpoint() {
    return tenant.layout().tenantEndpoint("/oauth2/v2.0/token");
  }

  /**
   * Posts a token request with a grant the dev tenant does not offer (device code, a public
   * client's flow), so the answer only says whether the client was authenticated: AADSTS70003
   * (unsupported grant type) comes after authentication, every credential error before it.
   */
  private static JsonNode authenticate(String clientId, String assertion) throws IOException {
    Page answer =
        new Browser()
            .post(
                tokenEndpoint(),
                Map.of(
                    "grant_type",
                    "urn:ietf:params:oauth:grant-type:device_code",
                    "client_id",
                    clientId,
                    "client_assertion_type",
                    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                    "client_assertion",
                    assertion));
    return JSON.readTree(answer.body());
  }

  private static int aadsts(JsonNode answer) {
    return answer.path("error_codes").path(0).asInt();
  }

  private static JWTClaimsSet.Builder assertionClaims(String clientId) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(clientId)
        .subject(clientId)
        .audience(tokenEndpoint())
        .jwtID(UUID.randomUUID().toString())
        .notBeforeTime(Date.from(now))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
  }

  private static String sign(TestCertificates signer, X509Certificate named, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .x509CertSHA256Thumbprint(thumbprint(named))
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(signer.keys().getPrivate()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Base64URL thumbprint(X509Certificate certificate) {
    try {
      return Base64URL.encode(
          MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The AADSTS code of the tenant's answer to an assertion signed by signer, naming a cert. */
  private static int answerTo(
      String client, TestCertificates signer, X509Certificate named, JWTClaimsSet.Builder claims)
      throws IOException {
    return aadsts(authenticate(client, sign(signer, named, claims.build())));
  }

  @Test
  void theDevTenantChecksCertificateAssertionsAsEntraDoes() throws Exception {
    String client = tenant.webClientId();
    TestCertificates registered = TestCertificates.valid("registered");
    TestCertificates stranger = TestCertificates.valid("stranger");
    tenant.registrations().addCertificate(client, registered.certificate());
    X509Certificate cert = registered.certificate();
    Instant now = Instant.now();

    JWTClaimsSet good = assertionClaims(client).build();
    assertEquals(70003, aadsts(authenticate(client, sign(registered, cert, good))), "accepted");
    assertEquals(
        50013, aadsts(authenticate(client, sign(registered, cert, good))), "jti used twice");
    assertEquals(
        700027, answerTo(client, stranger, cert, assertionClaims(client)), "signed by another key");
    JsonNode unregistered =
        authenticate(
            client, sign(stranger, stranger.certificate(), assertionClaims(client).build()));
    assertEquals(700027, aadsts(unregistered));
    assertTrue(unregistered.path("error_description").asText().contains("is not registered"));
    assertEquals(
        700023,
        answerTo(
            client,
            registered,
            cert,
            assertionClaims(client).audience("https://elsewhere.example/token")));
    assertEquals(
        700021,
        answerTo(client, registered, cert, assertionClaims(client).subject("someone-else")));
    assertEquals(
        700024,
        answerTo(
            client,
            registered,
            cert,
            assertionClaims(client).expirationTime(Date.from(now.minus(Duration.ofMinutes(10))))),
        "expired");
    assertEquals(
        700024,
        answerTo(
            client,
            registered,
            cert,
            assertionClaims(client).expirationTime(Date.from(now.plus(Duration.ofDays(2))))),
        "asks for too long a lifetime");
    JsonNode unknownApp = authenticate("no-such-app", sign(registered, cert, good));
    assertEquals(700016, aadsts(unknownApp));
    assertEquals("unauthorized_client", unknownApp.path("error").asText());
  }

  @Test
  void theDevTenantChecksFederatedTokensAgainstTheIssuersKeys() throws Exception {
    String client = tenant.serviceClientId();
    String audience = FederatedCredential.TOKEN_EXCHANGE_AUDIENCE;
    tenant
        .registrations()
        .addFederatedCredential(
            client,
            new FederatedCredential(
                "shop-cluster", cluster.issuer(), SUBJECT, java.util.Set.of(audience)));

    String token = cluster.mint(SUBJECT, audience, Duration.ofHours(1));
    assertEquals(70003, aadsts(authenticate(client, token)), "accepted");
    assertEquals(70003, aadsts(authenticate(client, token)), "and again: the platform reuses it");
    assertEquals(
        700213,
        aadsts(
            authenticate(
                client, cluster.mint("system:serviceaccount:x:y", audience, Duration.ofHours(1)))));
    assertEquals(
        700212,
        aadsts(authenticate(client, cluster.mint(SUBJECT, "api://other", Duration.ofHours(1)))));
    assertEquals(
        700027, aadsts(authenticate(client, cluster.mintWithUnpublishedKey(SUBJECT, audience))));
    assertEquals(
        700024,
        aadsts(authenticate(client, cluster.mint(SUBJECT, audience, Duration.ofMinutes(-10)))));
    try (ExternalIssuer otherCluster = ExternalIssuer.start(tenant)) {
      assertEquals(
          700211,
          aadsts(authenticate(client, otherCluster.mint(SUBJECT, audience, Duration.ofHours(1)))));
    }
  }

  // ---- the app on each credential, the whole journey ----

  /** Sign in, step up with MFA, save through the edit profile service, see the new value. */
  private static void wholeJourney(EmbeddedTomcat app, String city) throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Credential Tester");
    Browser browser = new Browser();
    Page home = Journeys.signIn(browser, app.baseUrl(), user, "/");
    assertTrue(home.text().contains("Hi Credential Tester!"), home.text());
    Page form = Journeys.openEditForm(browser, app.baseUrl(), user);
    long patches = tenant.requests("graph.patch");
    Page saved = browser.settle(browser.submit(form, "form#profile-form", Map.of("city", city)));
    assertTrue(saved.text().contains("Your profile was updated."), saved.text());
    assertTrue(saved.text().contains(city), saved.text());
    assertEquals(patches + 1, tenant.requests("graph.patch"), "saved through Graph once");
  }

  /**
   * What docs/configuration.md says to run: keytool makes the PKCS#12 and exports the certificate.
   */
  private static X509Certificate keytoolPkcs12(Path store, String password) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "edit-profile-web",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "365",
                "-dname",
                "CN=edit-profile-web",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                password)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, password.toCharArray());
    }
    return (X509Certificate) keyStore.getCertificate("edit-profile-web");
  }

  @Test
  void bothClientsOnCertificatesCompleteTheJourney() throws Exception {
    String password = "p12-" + UUID.randomUUID();
    Path p12 = dir.resolve("web.p12");
    X509Certificate webCertificate = keytoolPkcs12(p12, password);
    Path passwordFile = Files.writeString(dir.resolve("web-p12-password"), password + "\n");
    TestCertificates service = TestCertificates.valid("edit-profile-service");
    Path serviceCert = service.writeCertificatePem(dir.resolve("service.crt"));
    Path serviceKey = service.writeKeyPem(dir.resolve("service.key"));
    tenant.registrations().addCertificate(tenant.webClientId(), webCertificate);
    tenant.registrations().addCertificate(tenant.serviceClientId(), service.certificate());

    Map<String, String> settings = new HashMap<>();
    settings.put("CLIENT_SECRET", "");
    settings.put("CLIENT_CERTIFICATE_PATH", p12.toString());
    settings.put("CLIENT_CERTIFICATE_PASSWORD_FILE", passwordFile.toString());
    settings.put("EDIT_PROFILE_SERVICE_CLIENT_SECRET", "");
    settings.put("EDIT_PROFILE_SERVICE_CLIENT_CERTIFICATE_PATH", serviceCert.toString());
    settings.put("EDIT_PROFILE_SERVICE_CLIENT_CERTIFICATE_KEY_PATH", serviceKey.toString());
    settings.putAll(EmbeddedTomcat.accountSettingsFor(tenant));
    EmbeddedTomcat app = startApp(settings);

    String webSigned = "client_assertion.certificate." + thumbprint(webCertificate);
    String serviceSigned = "client_assertion.certificate." + thumbprint(service.certificate());
    wholeJourney(app, "Certville");
    assertTrue(
        tenant.requests(webSigned) >= 2, "code redemption and step-up signed by the web app");
    assertTrue(
        tenant.requests(serviceSigned) >= 1, "the on-behalf-of exchange signed by the service");

    // The service's app-only token (a custom attribute's write) on the same certificate.
    long appOnly = tenant.requests("token.client_credentials");
    long signed = tenant.requests(serviceSigned);
    DevTenantUser user = TestEnvironment.newUser("Certificate Attributes");
    Browser browser = new Browser();
    Journeys.signIn(browser, app.baseUrl(), user, "/");
    Page form = Journeys.openEditForm(browser, app.baseUrl(), user);
    String loyalty =
        "extension_" + tenant.extensionsAppClientId().replace("-", "") + "_loyaltyNumber";
    Page saved =
        browser.settle(browser.submit(form, "form#profile-form", Map.of(loyalty, "LN-CERT")));
    assertTrue(saved.text().contains("LN-CERT"), saved.text());
    assertEquals(appOnly + 1, tenant.requests("token.client_credentials"));
    assertTrue(tenant.requests(serviceSigned) > signed, "signed by the service's certificate");
  }

  @Test
  void webAppOnAFederatedTokenAndServiceSecretFromAFile() throws Exception {
    tenant
        .registrations()
        .addFederatedCredential(
            tenant.webClientId(),
            new FederatedCredential(
                "shop-cluster",
                cluster.issuer(),
                SUBJECT,
                java.util.Set.of(FederatedCredential.TOKEN_EXCHANGE_AUDIENCE)));
    Path tokenFile =
        Files.writeString(
            dir.resolve("azure-identity-token"),
            cluster.mint(
                SUBJECT, FederatedCredential.TOKEN_EXCHANGE_AUDIENCE, Duration.ofHours(1)));
    Path secretFile =
        Files.writeString(dir.resolve("service-secret"), tenant.serviceClientSecret() + "\n");

    Map<String, String> settings = new HashMap<>();
    settings.put("CLIENT_SECRET", "");
    settings.put("CLIENT_FEDERATED_TOKEN_FILE", tokenFile.toString());
    settings.put("EDIT_PROFILE_SERVICE_CLIENT_SECRET", "");
    settings.put("EDIT_PROFILE_SERVICE_CLIENT_SECRET_FILE", secretFile.toString());
    EmbeddedTomcat app = startApp(settings);

    long federated = tenant.requests("client_assertion.federated");
    wholeJourney(app, "Federation City");
    assertTrue(tenant.requests("client_assertion.federated") >= federated + 2);
  }

  @Test
  void certificateRotationUnderLoadFailsNoRequestAndARevokedCertificateGetsAClearPage()
      throws Exception {
    TestCertificates first = TestCertificates.valid("rotation-1");
    TestCertificates second = TestCertificates.valid("rotation-2");
    TestCertificates third = TestCertificates.valid("rotation-3");
    for (TestCertificates c : List.of(first, second, third)) {
      tenant.registrations().addCertificate(tenant.webClientId(), c.certificate());
    }
    Path pem = first.writePem(dir.resolve("rotating.pem"));
    Map<String, String> settings = new HashMap<>();
    settings.put("CLIENT_SECRET", "");
    settings.put("CLIENT_CERTIFICATE_PATH", pem.toString());
    EmbeddedTomcat app = startApp(settings);

    List<DevTenantUser> users = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      users.add(TestEnvironment.newUser("Rotating " + i));
    }
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger signIns = new AtomicInteger();
    List<String> failures = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(users.size());
    List<Future<?>> workers = new ArrayList<>();
    for (DevTenantUser user : users) {
      workers.add(
          pool.submit(
              () -> {
                while (running.get()) {
                  try {
                    Page home = Journeys.signIn(new Browser(), app.baseUrl(), user, "/");
                    if (home.status() != 200 || !home.text().contains("Hi Rotating")) {
                      failures.add(home.status() + " " + home.text());
                    }
                    signIns.incrementAndGet();
                  } catch (IOException | AssertionError e) {
                    failures.add(String.valueOf(e));
                  }
                }
              }));
    }
    try {
      for (TestCertificates next : List.of(second, third)) {
        String signedByNext = "client_assertion.certificate." + thumbprint(next.certificate());
        awaitSignIns(signIns, 5);
        next.writePem(pem); // replaced while sign-ins run
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (tenant.requests(signedByNext) < 3 && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertTrue(tenant.requests(signedByNext) >= 3, "the new certificate signs: " + next);
      }
    } finally {
      running.set(false);
      for (Future<?> worker : workers) {
        worker.get(120, TimeUnit.SECONDS);
      }
      pool.shutdownNow();
    }
    assertEquals(List.of(), failures, "no sign-in failed while the certificate was replaced");

    // An administrator deletes the certificate in use: the next sign-in explains, and no key,
    // secret or token reaches the log.
    tenant.registrations().removeCertificate(tenant.webClientId(), third.certificate());
    try (LogCapture logs = LogCapture.start()) {
      Page refused =
          Journeys.submitLogin(
              new Browser(), Journeys.openSignIn(new Browser(), app.baseUrl(), "/"), users.get(0));
      assertEquals(503, refused.status(), refused.text());
      assertTrue(refused.text().contains("Sign-in is not available"), refused.text());
      assertTrue(
          logs.lines().stream().anyMatch(l -> l.contains("AADSTS700027")),
          "the operator is told why: " + logs.lines());
      String keyBase64 =
          java.util.Base64.getEncoder().encodeToString(third.keys().getPrivate().getEncoded());
      for (String line : logs.lines()) {
        assertFalse(line.contains(keyBase64.substring(0, 40)), line);
        assertFalse(line.contains("PRIVATE KEY"), line);
        for (String secret : tenant.issuedSecrets()) {
          assertFalse(line.contains(secret), "secret in log: " + line);
        }
      }
    }
  }

  private static void awaitSignIns(AtomicInteger signIns, int more) throws InterruptedException {
    int target = signIns.get() + more;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (signIns.get() < target && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @Test
  void anUnusableCertificateAtStartUpIsNamedOnEveryPage() throws Exception {
    Instant end = Instant.now().minus(Duration.ofDays(3));
    Path expired =
        TestCertificates.create("expired", "RSA", end.minus(Duration.ofDays(30)), end)
            .writePem(dir.resolve("expired.pem"));
    Path keyMismatch =
        TestCertificates.valid("one")
            .withKeyOf(TestCertificates.valid("two"))
            .writePem(dir.resolve("mismatch.pem"));
    Map<String, String> settings = new HashMap<>();
    settings.put("CLIENT_SECRET", "");
    settings.put("CLIENT_CERTIFICATE_PATH", expired.toString());
    settings.put("EDIT_PROFILE_SERVICE_CLIENT_SECRET", "");
    settings.put("EDIT_PROFILE_SERVICE_CLIENT_CERTIFICATE_PATH", keyMismatch.toString());
    List<String> log;
    EmbeddedTomcat app;
    try (LogCapture logs = LogCapture.start()) {
      app = startApp(settings);
      log = List.copyOf(logs.lines());
    }

    // The public page names the settings; the log says what is wrong with each file.
    Page page = new Browser().get(app.baseUrl() + "/");
    assertEquals(503, page.status());
    assertTrue(page.text().contains("CLIENT_CERTIFICATE_PATH"), page.text());
    assertTrue(page.text().contains("EDIT_PROFILE_SERVICE_CLIENT_CERTIFICATE_PATH"), page.text());
    assertFalse(page.text().contains(dir.toString()), "no file path on the public page");
    String logged = String.join("\n", log);
    assertTrue(
        logged.contains("CLIENT_CERTIFICATE_PATH: " + expired + ": the certificate expired"),
        logged);
    assertTrue(
        logged.contains(
            "EDIT_PROFILE_SERVICE_CLIENT_CERTIFICATE_PATH: "
                + keyMismatch
                + ": the private key does not match the certificate"),
        logged);
    assertFalse(page.body().contains("PRIVATE KEY"));
  }
}
