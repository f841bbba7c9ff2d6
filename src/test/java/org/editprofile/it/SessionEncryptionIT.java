package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.Test;

/**
 * The token cache at rest, in the one place a single server puts sessions: Tomcat's own
 * SESSIONS.ser, written at shutdown. No token the tenant issued is in it in clear; the session
 * survives restarts under the same key and under a rotation that keeps the old key; under keys that
 * no longer open it, the user signs in again (no 500).
 */
class SessionEncryptionIT {

  private final DevTenant tenant = TestEnvironment.tenant();

  @Test
  void sessionsPersistedByTomcatHoldNoTokenInClearAndSurviveAKeyRotation() throws Exception {
    String oldKey = newKey();
    String newKey = newKey();
    int port = EmbeddedTomcat.freePort();
    String app = "http://localhost:" + port;
    tenant.registerWebApp(app + "/auth/redirect", app + "/");
    DevTenantUser user = TestEnvironment.newUser("Ada Lovelace");
    Browser browser = new Browser();

    try (ServerDistribution tomcat = start(port, app, oldKey)) {
      Journeys.signIn(browser, app, user, "/");
      // The step-up adds the MFA-scoped access token and a new refresh token to the cache.
      Journeys.openEditForm(browser, app, user);
    }
    Path persisted = tomcatBase(port).resolve("work/Catalina/localhost/ROOT/SESSIONS.ser");
    assertTrue(Files.size(persisted) > 1000, "Tomcat persisted the session at shutdown");
    String bytes = new String(Files.readAllBytes(persisted), StandardCharsets.ISO_8859_1);
    List<String> secrets = tenant.issuedSecrets();
    assertTrue(secrets.size() > 5, "the journey issued tokens");
    for (String secret : secrets) {
      assertFalse(bytes.contains(secret), "a token the tenant issued is in SESSIONS.ser in clear");
    }
    assertFalse(bytes.contains("\"RefreshToken\""), "no piece of MSAL's cache in clear");

    // Rotation: the new key first, the old one still listed. Same session, no sign-in, no MFA.
    long authorizeBefore = tenant.requests("authorize");
    try (ServerDistribution tomcat = start(port, app, newKey + "," + oldKey)) {
      Page form = browser.open(app + "/users/updateProfile");
      assertEquals(200, form.status(), form.text());
      assertTrue(form.doc().selectFirst("form#profile-form") != null, form.text());
      assertEquals(authorizeBefore, tenant.requests("authorize"), "no trip to the tenant");
    }

    // Keys that cannot open it (the old one retired too early): sign in again, not an error.
    try (ServerDistribution tomcat = start(port, app, newKey())) {
      Page profile = browser.get(app + "/users/gatedUpdateProfile");
      assertEquals(302, profile.status(), profile.body());
      assertTrue(profile.location().contains("/oauth2/v2.0/authorize"), profile.location());
      // The tenant's single sign-on session still stands: back on the profile without a password.
      Page back = browser.settle(profile);
      assertEquals(200, back.status(), back.text());
      assertTrue(back.text().contains(user.email()), back.text());
      assertTrue(
          Files.readString(tomcat.log()).contains("could not be opened"),
          "the log says why the user signs in again");
    }
  }

  private ServerDistribution start(int port, String app, String keys) throws Exception {
    Map<String, String> settings = new HashMap<>(EmbeddedTomcat.settingsFor(tenant, app));
    settings.put("SESSION_ENCRYPTION_KEY", keys);
    return ServerDistribution.start(
        ServerDistribution.Kind.TOMCAT,
        EmbeddedTomcat.builtWar(),
        port,
        settings,
        TestEnvironment.trustStore(),
        DevTenant.trustStorePassword());
  }

  private static Path tomcatBase(int port) throws IOException {
    return Path.of("target", "containers", "run", "tomcat-" + port).toAbsolutePath();
  }

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
