package org.editprofile.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.aad.msal4j.IClientCertificate;
import com.microsoft.aad.msal4j.IClientSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.editprofile.credential.ClientCredentialSource;
import org.editprofile.credential.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

  private static Map<String, String> complete() {
    Map<String, String> values = new HashMap<>();
    values.put("TENANT_SUBDOMAIN", "contoso");
    values.put("CLIENT_ID", "11111111-2222-3333-4444-555555555555");
    values.put("CLIENT_SECRET", "very-secret-value");
    values.put("REDIRECT_URI", "https://app.contoso.com/auth/redirect");
    values.put("EDIT_PROFILE_SCOPE", "api://svc/EditProfileService.ReadWrite");
    return values;
  }

  private static Configuration load(Map<String, String> values) {
    return SettingsLoader.load(name -> Optional.ofNullable(values.get(name)));
  }

  @Test
  void loadWhenSubdomainGivenThenCiamAuthorityWithoutDiscoveryPerBuild() {
    Configuration.Ready ready = (Configuration.Ready) load(complete());
    TenantSettings s = ready.tenant();
    assertEquals("https://contoso.ciamlogin.com/", s.authority());
    assertTrue(s.ciamAuthority());
    assertEquals(
        "https://contoso.ciamlogin.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration",
        s.discoveryUrl().toString());
    assertEquals(
        "https://app.contoso.com/",
        ready.webApp().orElseThrow().postLogoutRedirectUri().toString(),
        "derived from REDIRECT_URI");
    assertEquals("https://graph.microsoft.com/v1.0/me", s.graphMeUrl().toString());
    assertFalse(ready.webApp().orElseThrow().usesEditProfileService());
    assertTrue(ready.service().isEmpty());
  }

  @Test
  void loadWhenOtherHttpsAuthorityThenOidcAuthority() {
    Map<String, String> values = complete();
    values.put("AUTHORITY", "https://login.contoso.com/tenant-id/v2.0");
    TenantSettings s = ((Configuration.Ready) load(values)).tenant();
    assertEquals("https://login.contoso.com/tenant-id/v2.0/", s.authority());
    assertFalse(s.ciamAuthority());
    assertEquals(
        "https://login.contoso.com/tenant-id/v2.0/.well-known/openid-configuration",
        s.discoveryUrl().toString());
  }

  @Test
  void loadWhenAuthorityNamesTheOnmicrosoftDomainThenRefusedNamingTenantSubdomain() {
    Map<String, String> values = complete();
    values.remove("TENANT_SUBDOMAIN");
    values.put("AUTHORITY", "https://contoso.ciamlogin.com/contoso.onmicrosoft.com/v2.0/");
    List<String> problems = ((Configuration.NotConfigured) load(values)).problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("AUTHORITY must not name the tenant"), problems.get(0));
    assertTrue(problems.get(0).contains("Set TENANT_SUBDOMAIN instead"), problems.get(0));
  }

  @Test
  void loadWhenAuthorityNamesTheTenantIdOnCiamloginThenOidcAuthority() {
    Map<String, String> values = complete();
    values.put(
        "AUTHORITY", "https://contoso.ciamlogin.com/6f2b3c1e-4d5a-4b8e-9c7d-2a1f0e9d8c7b/v2.0");
    TenantSettings s = ((Configuration.Ready) load(values)).tenant();
    assertFalse(s.ciamAuthority());
    assertEquals(
        "https://contoso.ciamlogin.com/6f2b3c1e-4d5a-4b8e-9c7d-2a1f0e9d8c7b/v2.0/", s.authority());
  }

  @Test
  void loadWhenNothingSetThenEveryMissingSettingIsNamed() {
    Configuration c = load(Map.of());
    List<String> problems = assertInstanceOf(Configuration.NotConfigured.class, c).problems();
    for (String name :
        List.of(
            "TENANT_SUBDOMAIN",
            "CLIENT_ID",
            "CLIENT_SECRET",
            "REDIRECT_URI",
            "EDIT_PROFILE_SCOPE")) {
      assertTrue(problems.stream().anyMatch(p -> p.startsWith(name)), name + " in " + problems);
    }
  }

  @Test
  void loadWhenMalformedThenNamedWithoutTheirValues() {
    Map<String, String> values = complete();
    values.put("AUTHORITY", "http://login.contoso.com/t/");
    values.put("REDIRECT_URI", "http://app.contoso.com/auth/redirect");
    values.put("HTTP_READ_TIMEOUT_MS", "soon");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_ID", "svc");
    values.put("CLIENT_SECRET", "s3cr3t-that-must-not-leak");
    List<String> problems = ((Configuration.NotConfigured) load(values)).problems();
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.stream().noneMatch(p -> p.contains("s3cr3t")));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("AUTHORITY must be an https URL")));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("REDIRECT_URI must use https")));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("HTTP_READ_TIMEOUT_MS")));
    assertTrue(
        problems.stream()
            .anyMatch(p -> p.startsWith("EDIT_PROFILE_SERVICE_CLIENT_SECRET is missing")));
  }

  @Test
  void loadWhenLoopbackRedirectThenPlainHttpAllowed() {
    Map<String, String> values = complete();
    values.put("REDIRECT_URI", "http://localhost:8080/auth/redirect");
    assertInstanceOf(Configuration.Ready.class, load(values));
  }

  @Test
  void firstOfWhenEnvironmentBlankThenNextSourceWins() {
    SettingSource source =
        SettingSource.firstOf(name -> Optional.of("  "), name -> Optional.of("second"));
    assertEquals(Optional.of("second"), source.get("X"));
  }

  @Test
  void loadWhenTheSignInMayOutlastTheSessionThenBothAreNamed() {
    Map<String, String> values = complete();
    values.put("SIGN_IN_TIMEOUT_SECONDS", "1200");
    List<String> problems =
        assertInstanceOf(
                Configuration.NotConfigured.class,
                SettingsLoader.load(
                    name -> Optional.ofNullable(values.get(name)),
                    java.time.Clock.systemUTC(),
                    Duration.ofMinutes(15)))
            .problems();
    assertEquals(
        List.of(
            "SIGN_IN_TIMEOUT_SECONDS (1200 s) may not exceed the session timeout (900 s): the"
                + " session that waits for the sign-in would end first"),
        problems);
  }

  @Test
  void loadWhenNoLifetimeIsSetThenASignInLastsTwelveHours() {
    WebAppSettings defaults = ((Configuration.Ready) load(complete())).webApp().orElseThrow();
    assertEquals(Duration.ofHours(12), defaults.sessionLifetime());
    Map<String, String> values = complete();
    values.put("SESSION_LIFETIME_SECONDS", "3600");
    WebAppSettings set = ((Configuration.Ready) load(values)).webApp().orElseThrow();
    assertEquals(Duration.ofHours(1), set.sessionLifetime());
    values.put("SESSION_LIFETIME_SECONDS", "0");
    assertTrue(problems(values).get(0).startsWith("SESSION_LIFETIME_SECONDS must be a number"));
  }

  @Test
  void loadWhenSessionStoreGivenThenItsAddressDatabaseAndTlsAndTheKeyIsRequired() {
    Map<String, String> values = complete();
    values.put("SESSION_STORE_URL", "rediss://cache.example.net:6380/2");
    values.put("SESSION_STORE_PASSWORD", "access-key");
    assertEquals(
        List.of(
            "SESSION_ENCRYPTION_KEY is required with SESSION_STORE_URL: every node must open the"
                + " token caches the others sealed, and none may reach the store in clear"),
        problems(values));
    values.put(
        "SESSION_ENCRYPTION_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
    SessionStoreSettings store =
        ((Configuration.Ready) load(values)).webApp().orElseThrow().sessionStore().orElseThrow();
    assertTrue(store.tls());
    assertEquals(6380, store.port());
    assertEquals(2, store.database());
    assertEquals(Optional.of("access-key"), store.password());
    assertFalse(store.toString().contains("access-key"));

    values.put("SESSION_STORE_URL", "redis://127.0.0.1");
    store =
        ((Configuration.Ready) load(values)).webApp().orElseThrow().sessionStore().orElseThrow();
    assertEquals(6379, store.port());
    assertEquals(0, store.database());
    assertFalse(store.tls());

    for (String bad :
        List.of("http://cache:6379", "redis://", "redis://cache/not-a-db", "redis://:pw@cache")) {
      values.put("SESSION_STORE_URL", bad);
      assertTrue(problems(values).get(0).startsWith("SESSION_STORE_URL must"), bad);
      assertFalse(problems(values).get(0).contains(":pw@"), "never the URL itself");
    }
    values.remove("SESSION_STORE_URL");
    assertEquals(
        List.of("SESSION_STORE_PASSWORD is set without SESSION_STORE_URL"), problems(values));
  }

  /** Whoever reads a store's traffic or contents holds every live session id. */
  @Test
  void loadWhenTheStoreIsOnAnotherHostThenTlsAndAPasswordAreRequired() {
    Map<String, String> values = complete();
    values.put(
        "SESSION_ENCRYPTION_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
    values.put("SESSION_STORE_URL", "redis://cache.example.net:6379");
    assertEquals(
        List.of(
            "SESSION_STORE_URL must use rediss:// (TLS) for a store on another host: plain"
                + " redis:// is only allowed for localhost",
            "SESSION_STORE_PASSWORD (or SESSION_STORE_PASSWORD_FILE) is required for a store on"
                + " another host"),
        problems(values));
    values.put("SESSION_STORE_URL", "rediss://cache.example.net:6380");
    assertEquals(
        List.of(
            "SESSION_STORE_PASSWORD (or SESSION_STORE_PASSWORD_FILE) is required for a store on"
                + " another host"),
        problems(values));
    values.put("SESSION_STORE_PASSWORD", "access-key");
    assertTrue(load(values) instanceof Configuration.Ready, () -> problems(values).toString());
    // On this machine neither is needed.
    values.remove("SESSION_STORE_PASSWORD");
    for (String local : List.of("redis://localhost:6379", "redis://127.0.0.1:6379")) {
      values.put("SESSION_STORE_URL", local);
      assertTrue(
          load(values) instanceof Configuration.Ready, () -> local + ": " + problems(values));
    }
  }

  @Test
  void loadWhenSessionKeysGivenThenEachIs256BitsTheFirstSealing() throws Exception {
    assertTrue(
        ((Configuration.Ready) load(complete()))
            .webApp()
            .orElseThrow()
            .sessionEncryptionKeys()
            .isEmpty());
    byte[] first = new byte[32];
    byte[] second = new byte[32];
    java.util.Arrays.fill(first, (byte) 1);
    java.util.Arrays.fill(second, (byte) 0xfb);
    Map<String, String> values = complete();
    values.put(
        "SESSION_ENCRYPTION_KEY",
        java.util.Base64.getEncoder().encodeToString(first)
            + ", "
            + java.util.Base64.getUrlEncoder().encodeToString(second));
    List<byte[]> keys =
        ((Configuration.Ready) load(values)).webApp().orElseThrow().sessionEncryptionKeys();
    assertEquals(2, keys.size());
    assertArrayEquals(first, keys.get(0));
    assertArrayEquals(second, keys.get(1));

    // One per line in a file.
    java.nio.file.Path file = java.nio.file.Files.createTempFile("session-keys", ".txt");
    java.nio.file.Files.writeString(
        file,
        java.util.Base64.getEncoder().encodeToString(second)
            + "\n"
            + java.util.Base64.getEncoder().encodeToString(first)
            + "\n");
    values.remove("SESSION_ENCRYPTION_KEY");
    values.put("SESSION_ENCRYPTION_KEY_FILE", file.toString());
    keys = ((Configuration.Ready) load(values)).webApp().orElseThrow().sessionEncryptionKeys();
    assertArrayEquals(second, keys.get(0));
    java.nio.file.Files.delete(file);

    values.remove("SESSION_ENCRYPTION_KEY_FILE");
    values.put(
        "SESSION_ENCRYPTION_KEY",
        java.util.Base64.getEncoder().encodeToString(first) + ",c2hvcnQ=");
    assertEquals(
        List.of(
            "SESSION_ENCRYPTION_KEY: key 2 of 2 is not the base64 of 32 random bytes (make one"
                + " with: openssl rand -base64 32)"),
        problems(values));
    values.put("SESSION_ENCRYPTION_KEY", "not-base64-at-all!");
    assertEquals(1, problems(values).size());
    assertFalse(problems(values).get(0).contains("not-base64"), "the value is never shown");
  }

  @Test
  void toStringNeverShowsTheSecret() {
    WebAppSettings s = ((Configuration.Ready) load(complete())).webApp().orElseThrow();
    assertFalse(s.toString().contains("very-secret-value"));
  }

  @Test
  void loadWhenOnlyTheServiceIsConfiguredThenTheServiceRunsAlone() {
    Map<String, String> values = new HashMap<>();
    values.put("TENANT_SUBDOMAIN", "contoso");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_ID", "svc");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_SECRET", "svc-secret");
    values.put("EDIT_PROFILE_SERVICE_ALLOWED_CLIENT_IDS", "web-a, web-b");
    Configuration.Ready ready = assertInstanceOf(Configuration.Ready.class, load(values));
    assertTrue(ready.webApp().isEmpty(), "no web app settings demanded");
    assertEquals("svc", ready.service().orElseThrow().clientId());
    assertEquals(
        java.util.Set.of("web-a", "web-b"), ready.service().orElseThrow().allowedClientIds());
  }

  @Test
  void loadWhenTheServiceRunsAloneWithoutAllowedCallersThenTheSettingIsNamed() {
    Map<String, String> values = new HashMap<>();
    values.put("TENANT_SUBDOMAIN", "contoso");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_ID", "svc");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_SECRET", "svc-secret");
    List<String> problems = problems(values);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("EDIT_PROFILE_SERVICE_ALLOWED_CLIENT_IDS is missing"),
        problems.get(0));
  }

  @Test
  void loadWhenTheWebAppRunsBesideTheServiceThenItIsTheOnlyAllowedCallerByDefault() {
    Map<String, String> values = complete();
    values.put("EDIT_PROFILE_SERVICE_CLIENT_ID", "svc");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_SECRET", "svc-secret");
    Configuration.Ready ready = assertInstanceOf(Configuration.Ready.class, load(values));
    assertEquals(
        java.util.Set.of("11111111-2222-3333-4444-555555555555"),
        ready.service().orElseThrow().allowedClientIds());
  }

  @Test
  void loadWhenServiceAndPartOfTheWebAppConfiguredThenTheWebAppsMissingSettingsAreNamed() {
    Map<String, String> values = new HashMap<>();
    values.put("TENANT_SUBDOMAIN", "contoso");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_ID", "svc");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_SECRET", "svc-secret");
    values.put("CLIENT_ID", "web");
    List<String> problems =
        assertInstanceOf(Configuration.NotConfigured.class, load(values)).problems();
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith("CLIENT_SECRET is missing (or give")),
        problems.toString());
    assertTrue(problems.contains("REDIRECT_URI is missing"), problems.toString());
  }

  @Test
  void loadWhenNoStepUpModeThenApiScopeWithoutAContext() {
    WebAppSettings webApp = ((Configuration.Ready) load(complete())).webApp().orElseThrow();
    assertEquals(Optional.empty(), webApp.stepUpAuthContext());
    assertEquals(Optional.of("api://svc/EditProfileService.ReadWrite"), webApp.editProfileScope());
  }

  @Test
  void loadWhenAuthContextModeThenTheContextIsKeptAndTheScopeOptionalWithoutTheService() {
    Map<String, String> values = complete();
    values.put("STEP_UP_MODE", "auth-context");
    values.put("STEP_UP_AUTH_CONTEXT", "c25");
    values.remove("EDIT_PROFILE_SCOPE");
    WebAppSettings webApp = ((Configuration.Ready) load(values)).webApp().orElseThrow();
    assertEquals(Optional.of("c25"), webApp.stepUpAuthContext());
    assertEquals(Optional.empty(), webApp.editProfileScope());

    values.put("EDIT_PROFILE_API_URL", "https://api.contoso.com/api/updateUserInfo");
    assertEquals(List.of("EDIT_PROFILE_SCOPE is missing"), problems(values));
  }

  @Test
  void loadWhenTheStepUpSettingsDisagreeThenEachMistakeIsNamed() {
    Map<String, String> values = complete();
    values.put("STEP_UP_MODE", "auth-context");
    assertTrue(
        problems(values).get(0).startsWith("STEP_UP_AUTH_CONTEXT is missing"),
        problems(values).toString());
    values.put("STEP_UP_AUTH_CONTEXT", "c26");
    assertTrue(
        problems(values).get(0).startsWith("STEP_UP_AUTH_CONTEXT must be an authentication"),
        problems(values).toString());
    values.put("STEP_UP_MODE", "api-scope");
    values.put("STEP_UP_AUTH_CONTEXT", "c1");
    assertTrue(
        problems(values).get(0).startsWith("STEP_UP_AUTH_CONTEXT is set but STEP_UP_MODE is"),
        problems(values).toString());
    values.put("STEP_UP_MODE", "mfa");
    values.remove("STEP_UP_AUTH_CONTEXT");
    assertEquals(List.of("STEP_UP_MODE must be api-scope or auth-context"), problems(values));
  }

  @Test
  void loadWhenTheServiceRequiresAContextThenItIsKeptAndAMalformedOneNamed() {
    Map<String, String> values = complete();
    values.put("EDIT_PROFILE_SERVICE_CLIENT_ID", "svc");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_SECRET", "svc-secret");
    values.put("EDIT_PROFILE_SERVICE_REQUIRED_AUTH_CONTEXT", " c3 ");
    assertEquals(
        Optional.of("c3"),
        ((Configuration.Ready) load(values)).service().orElseThrow().requiredAuthContext());
    values.put("EDIT_PROFILE_SERVICE_REQUIRED_AUTH_CONTEXT", "C3");
    assertTrue(
        problems(values)
            .get(0)
            .startsWith("EDIT_PROFILE_SERVICE_REQUIRED_AUTH_CONTEXT must be an authentication"),
        problems(values).toString());
  }

  private static final String EXTENSIONS_APP = "b2c00000-1111-4222-8333-444455556666";

  @Test
  void loadWhenCustomAttributesAreDeclaredThenEachIsReadWithItsGraphName() {
    Map<String, String> values = complete();
    values.put("EXTENSIONS_APP_CLIENT_ID", EXTENSIONS_APP);
    values.put(
        "CUSTOM_ATTRIBUTES",
        "[{\"name\":\"loyaltyNumber\",\"type\":\"string\",\"maxLength\":20,"
            + "\"labels\":{\"en\":\"Loyalty number\",\"es\":\"Número\",\"de\":\"Nummer\"}},"
            + "{\"name\":\"newsletter\",\"type\":\"Boolean\","
            + "\"labels\":{\"en\":\"Newsletter\",\"es\":\"Boletín\",\"de\":\"Newsletter\"}}]");
    org.editprofile.profile.CustomAttributes custom =
        ((Configuration.Ready) load(values)).tenant().customAttributes();
    assertEquals(2, custom.attributes().size());
    assertEquals(
        "extension_b2c0000011114222833344445555666" + "6_loyaltyNumber",
        custom.graphName(custom.attributes().get(0)));
    assertEquals(20, custom.attributes().get(0).maxLength());
    assertEquals(
        org.editprofile.profile.CustomAttributes.Type.BOOLEAN, custom.attributes().get(1).type());
  }

  @Test
  void loadWhenCustomAttributesAreWrongThenEachMistakeIsNamed() {
    Map<String, String> values = complete();
    values.put("CUSTOM_ATTRIBUTES", "[{\"name\":\"x\",\"type\":\"string\"}]");
    List<String> problems = problems(values);
    assertTrue(problems.get(0).startsWith("EXTENSIONS_APP_CLIENT_ID must be"), problems.toString());
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("x has no label in es")), problems.toString());

    values.put("EXTENSIONS_APP_CLIENT_ID", EXTENSIONS_APP);
    values.put(
        "CUSTOM_ATTRIBUTES",
        "[{\"name\":\"1bad\",\"type\":\"string\"},{\"name\":\"y\",\"type\":\"date\"}]");
    problems = problems(values);
    assertTrue(problems.get(0).contains("\"1bad\" is not an attribute name"), problems.toString());
    assertTrue(problems.get(1).contains("y needs a type"), problems.toString());

    values.put("CUSTOM_ATTRIBUTES", "{}");
    assertEquals(List.of("CUSTOM_ATTRIBUTES must be a JSON array of attributes"), problems(values));

    values.remove("CUSTOM_ATTRIBUTES");
    assertTrue(
        problems(values).get(0).startsWith("EXTENSIONS_APP_CLIENT_ID is set but"),
        problems(values).toString());
  }

  @Test
  void loadWhenTheAccountPageSettingsAreAbsentThenNoAppOnlyAccessAndDeletionWouldKeep() {
    AppOnlyAccess access = ((Configuration.Ready) load(complete())).appOnly();
    assertFalse(access.granted());
    assertEquals(AppOnlyAccess.AccountDeletion.KEEP, access.deletion());
    assertFalse(access.deletesAccounts(), "nothing to delete with");
  }

  @Test
  void loadWhenAppAccessIsGrantedThenDeletionFollowsAccountDeletion() {
    Map<String, String> values = complete();
    values.put("EDIT_PROFILE_SERVICE_APP_ACCESS", "TRUE");
    values.put("ACCOUNT_DELETION", " purge ");
    AppOnlyAccess access = ((Configuration.Ready) load(values)).appOnly();
    assertTrue(access.deletesAccounts());
    assertEquals(AppOnlyAccess.AccountDeletion.PURGE, access.deletion());
    values.put("ACCOUNT_DELETION", "off");
    assertFalse(((Configuration.Ready) load(values)).appOnly().deletesAccounts());
  }

  @Test
  void loadWhenTheAccountPageSettingsAreMisspeltThenEachIsNamed() {
    Map<String, String> values = complete();
    values.put("EDIT_PROFILE_SERVICE_APP_ACCESS", "yes");
    values.put("ACCOUNT_DELETION", "soft");
    assertEquals(
        List.of(
            "EDIT_PROFILE_SERVICE_APP_ACCESS must be true or false",
            "ACCOUNT_DELETION must be keep, purge or off"),
        problems(values));
  }

  private static String secretOf(ClientCredentialSource source) {
    return ((IClientSecret) source.current()).clientSecret();
  }

  private static List<String> problems(Map<String, String> values) {
    return assertInstanceOf(Configuration.NotConfigured.class, load(values)).problems();
  }

  @Test
  void loadWhenSecretComesFromAFileThenItsTrailingNewlineIsDropped(@TempDir Path dir)
      throws IOException {
    Map<String, String> values = complete();
    values.remove("CLIENT_SECRET");
    values.put(
        "CLIENT_SECRET_FILE", Files.writeString(dir.resolve("s"), "from-a-file\n").toString());
    WebAppSettings web = ((Configuration.Ready) load(values)).webApp().orElseThrow();
    assertEquals("from-a-file", secretOf(web.credential()));
    assertEquals("a client secret", web.credential().description());
  }

  @Test
  void loadWhenSecretAndItsFileAreBothSetThenRefused(@TempDir Path dir) throws IOException {
    Map<String, String> values = complete();
    values.put("CLIENT_SECRET_FILE", Files.writeString(dir.resolve("s"), "other").toString());
    assertEquals(List.of("Set CLIENT_SECRET or CLIENT_SECRET_FILE, not both"), problems(values));
  }

  @Test
  void loadWhenSecretFileIsUnreadableThenNamedOnceAndNotCalledMissing(@TempDir Path dir) {
    Map<String, String> values = complete();
    values.remove("CLIENT_SECRET");
    values.put("CLIENT_SECRET_FILE", dir.resolve("absent").toString());
    assertEquals(
        List.of("CLIENT_SECRET_FILE: cannot read " + dir.resolve("absent")), problems(values));
  }

  @Test
  void loadWhenCertificateIsSetThenItIsTheCredential(@TempDir Path dir) throws IOException {
    TestCertificates certificate = TestCertificates.valid("web");
    Map<String, String> values = complete();
    values.remove("CLIENT_SECRET");
    values.put(
        "CLIENT_CERTIFICATE_PATH", certificate.writePkcs12(dir.resolve("w.p12"), "pw").toString());
    values.put(
        "CLIENT_CERTIFICATE_PASSWORD_FILE",
        Files.writeString(dir.resolve("pw"), "pw\n").toString());
    WebAppSettings web = ((Configuration.Ready) load(values)).webApp().orElseThrow();
    assertInstanceOf(IClientCertificate.class, web.credential().current());
    assertFalse(web.credential().sendCertificateChain(), "x5c only when asked");
    assertTrue(web.credential().description().startsWith("certificate "));
  }

  @Test
  void loadWhenCertificateHasExpiredThenAProblemNamesTheSettingAndTheDate(@TempDir Path dir)
      throws IOException {
    Instant end = Instant.parse("2026-01-01T00:00:00Z");
    Map<String, String> values = complete();
    values.remove("CLIENT_SECRET");
    values.put(
        "CLIENT_CERTIFICATE_PATH",
        TestCertificates.create("old", "RSA", end.minus(Duration.ofDays(90)), end)
            .writePem(dir.resolve("old.pem"))
            .toString());
    List<String> problems = problems(values);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("CLIENT_CERTIFICATE_PATH: "), problems.get(0));
    assertTrue(problems.get(0).contains("expired on 2026-01-01T00:00:00Z"), problems.get(0));
  }

  @Test
  void loadWhenTwoCredentialsAreSetThenRefusedNamingBoth(@TempDir Path dir) throws IOException {
    Map<String, String> values = complete();
    values.put(
        "CLIENT_CERTIFICATE_PATH",
        TestCertificates.valid("web").writePem(dir.resolve("w.pem")).toString());
    assertEquals(
        List.of(
            "Set one credential for the web app, not CLIENT_SECRET and CLIENT_CERTIFICATE_PATH"),
        problems(values));
  }

  @Test
  void loadWhenOnlyWorkloadIdentityIsSetThenBothRegistrationsUseItsTokenFile(@TempDir Path dir)
      throws IOException {
    Map<String, String> values = complete();
    values.remove("CLIENT_SECRET");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_ID", "svc");
    values.put(
        "AZURE_FEDERATED_TOKEN_FILE",
        Files.writeString(dir.resolve("token"), "eyJhbGciOiJub25lIn0.eyJleHAiOjQxMDI0NDQ4MDB9.")
            .toString());
    Configuration.Ready ready = assertInstanceOf(Configuration.Ready.class, load(values));
    assertTrue(ready.webApp().orElseThrow().credential().description().contains("federated"));
    assertTrue(ready.service().orElseThrow().credential().description().contains("federated"));
  }

  @Test
  void loadWhenTheServiceHasOnlyACertificateThenItRunsAlone(@TempDir Path dir) throws IOException {
    Map<String, String> values = new HashMap<>();
    values.put("TENANT_SUBDOMAIN", "contoso");
    values.put("EDIT_PROFILE_SERVICE_CLIENT_ID", "svc");
    values.put(
        "EDIT_PROFILE_SERVICE_CLIENT_CERTIFICATE_PATH",
        TestCertificates.valid("svc").writeCertificatePem(dir.resolve("svc.crt")).toString());
    values.put(
        "EDIT_PROFILE_SERVICE_CLIENT_CERTIFICATE_KEY_PATH",
        TestCertificates.valid("other").writeKeyPem(dir.resolve("svc.key")).toString());
    values.put("EDIT_PROFILE_SERVICE_ALLOWED_CLIENT_IDS", "web");
    List<String> problems = problems(values);
    assertEquals(1, problems.size(), "the web app is not demanded: " + problems);
    assertTrue(problems.get(0).contains("does not match"), problems.get(0));
  }
}
