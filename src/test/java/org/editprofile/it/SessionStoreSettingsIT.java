package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.Test;

/**
 * The session store reached as Azure's Redis is, over TLS ({@code rediss://}) with a password, and
 * the store's settings wrong: a wrong password, or a store that does not answer, is a bad setting
 * like any other (the node says "not configured", names the store, never the password).
 */
class SessionStoreSettingsIT {

  private static final String SESSIONS = "edit-profile:session:sessions:";

  private final DevTenant tenant = TestEnvironment.tenant();

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** The settings that put the sessions in this store. */
  private static Map<String, String> store(String url, String password) {
    return Map.of(
        "SESSION_STORE_URL", url,
        "SESSION_STORE_PASSWORD", password,
        "SESSION_ENCRYPTION_KEY", newKey());
  }

  @Test
  void aStoreOverTlsWithAPasswordHoldsTheSessions() throws Exception {
    String password = "store-" + UUID.randomUUID();
    try (RedisServer redis = new RedisServer().withTlsAndPassword(tenant, password).start();
        EmbeddedTomcat app = TestEnvironment.start(store(redis.url(), password))) {
      assertTrue(redis.url().startsWith("rediss://"), redis.url());
      DevTenantUser user = TestEnvironment.newUser("Radia Perlman");
      Browser browser = new Browser();
      Page home = Journeys.signIn(browser, app.baseUrl(), user, "/");
      assertTrue(home.text().contains("Hi Radia Perlman!"), home.text());
      String id = browser.cookie("JSESSIONID").orElseThrow();
      assertEquals(1, redis.sizeOf(SESSIONS + id)[1], "the session is in the TLS store");

      Page profile = browser.open(app.baseUrl() + "/users/gatedUpdateProfile");
      assertEquals(200, profile.status(), profile.text());
      assertTrue(profile.text().contains(user.email()), profile.text());
      assertEquals(200, new Browser().get(app.baseUrl() + "/health/ready").status());

      // The CSRF check holds with the store on: a forged save is refused and changes nothing.
      Page forged =
          browser.post(
              app.baseUrl() + "/users/update", Map.of("_csrf", "forged", "displayName", "Forged"));
      assertEquals(403, forged.status(), forged.body());
      Page after = browser.open(app.baseUrl() + "/users/gatedUpdateProfile");
      assertEquals(200, after.status(), after.text());
      assertFalse(after.text().contains("Forged"), after.text());
    }
  }

  /**
   * Over https the store's cookie follows the container's rules: {@code __Host-}, Secure. A visitor
   * starting a sign-in costs the store nothing; the session begins at the callback.
   */
  @Test
  void overHttpsTheStoresCookieIsAHostCookie() throws Exception {
    tenant.registerWebApp(
        "https://app.example.test/edit/auth/redirect", "https://app.example.test/edit/");
    try (RedisServer redis = new RedisServer().start();
        EmbeddedTomcat app =
            TestEnvironment.startAt(
                "/edit",
                Map.of(
                    "REDIRECT_URI",
                    "https://app.example.test/edit/auth/redirect",
                    "POST_LOGOUT_REDIRECT_URI",
                    "https://app.example.test/edit/",
                    "SESSION_STORE_URL",
                    redis.url(),
                    "SESSION_ENCRYPTION_KEY",
                    newKey()))) {
      Browser browser = new Browser();
      Page page =
          Journeys.signInBehindProxy(
              browser, app.baseUrl(), TestEnvironment.newUser("Barbara Simons"));
      Page started = browser.history().get(0);
      assertTrue(started.setCookie("__Host-JSESSIONID").isEmpty(), "no session for a visitor");
      assertEquals(302, page.status(), page.body());
      String setCookie =
          page.setCookie("__Host-JSESSIONID")
              .orElseThrow(() -> new AssertionError("no host cookie: " + page.headers()));
      String flags = setCookie.toLowerCase(java.util.Locale.ROOT);
      for (String flag : new String[] {"; path=/;", "; secure", "; httponly", "; samesite=lax"}) {
        assertTrue(flags.contains(flag), flag + " in " + setCookie);
      }
      assertFalse(flags.contains("domain="), setCookie);
      assertFalse(page.location().toLowerCase().contains("jsessionid"), page.location());
      String id = setCookie.substring("__Host-JSESSIONID=".length(), setCookie.indexOf(';'));
      assertEquals(1, redis.sizeOf(SESSIONS + id)[1], "the signed-in session is in the store");
      assertEquals(1, redis.keyCount(), "and nothing else");
    }
  }

  /**
   * The oldest container the WAR supports (Tomcat 10.1, Servlet 6.0) with the store on: the reason
   * for Spring Session's 3.5 line (its 4.0 needs Servlet 6.1).
   */
  @Test
  void theStoreWorksOnTomcat10() throws Exception {
    try (RedisServer redis = new RedisServer().start()) {
      int port = EmbeddedTomcat.freePort();
      String app = "http://localhost:" + port;
      tenant.registerWebApp(app + "/auth/redirect", app + "/");
      Map<String, String> settings = new HashMap<>(EmbeddedTomcat.settingsFor(tenant, app));
      settings.put("SESSION_STORE_URL", redis.url());
      settings.put("SESSION_ENCRYPTION_KEY", newKey());
      try (ServerDistribution tomcat =
          ServerDistribution.start(
              ServerDistribution.Kind.TOMCAT_10_1,
              EmbeddedTomcat.builtWar(),
              port,
              settings,
              TestEnvironment.trustStore(),
              DevTenant.trustStorePassword())) {
        DevTenantUser user = TestEnvironment.newUser("Adele Goldberg");
        Browser browser = new Browser();
        Page home = Journeys.signIn(browser, app, user, "/");
        assertTrue(home.text().contains("Hi Adele Goldberg!"), home.text());
        Page form = Journeys.openEditForm(browser, app, user);
        assertTrue(form.doc().selectFirst("form#profile-form") != null, form.text());
        String id = browser.cookie("JSESSIONID").orElseThrow();
        assertEquals(1, redis.sizeOf(SESSIONS + id)[1], "the session is in the store");
        assertTrue(
            java.nio.file.Files.readString(tomcat.log()).contains("Apache Tomcat/10.1"),
            "served by Tomcat 10.1");
      }
    }
  }

  @Test
  void aWrongPasswordOrAStoreThatDoesNotAnswerIsABadSetting() throws Exception {
    String password = "store-" + UUID.randomUUID();
    try (RedisServer redis = new RedisServer().withTlsAndPassword(tenant, password).start()) {
      String wrong = "not-" + password;
      try (LogCapture logs = LogCapture.start();
          EmbeddedTomcat app = TestEnvironment.start(store(redis.url(), wrong))) {
        Page page = new Browser().get(app.baseUrl() + "/");
        assertEquals(503, page.status(), page.text());
        assertTrue(page.text().contains("not configured"), page.text());
        assertTrue(page.text().contains("SESSION_STORE_URL"), page.text());
        assertFalse(page.text().contains(redis.url()), "no address on the public page");
        assertFalse(page.body().contains(wrong), "the password is never shown");
        assertTrue(
            logs.lines().stream().anyMatch(l -> l.contains("the session store at " + redis.url())),
            "the log names the store");
        assertFalse(page.body().contains("Exception"), page.body());
        assertEquals(503, new Browser().get(app.baseUrl() + "/health/ready").status());
        for (String line : logs.lines()) {
          assertFalse(line.contains(wrong), "the password in the log: " + line);
        }
      }
    }

    // Nothing listens there any more.
    RedisServer gone = new RedisServer();
    try (LogCapture logs = LogCapture.start();
        EmbeddedTomcat app =
            TestEnvironment.start(
                Map.of("SESSION_STORE_URL", gone.url(), "SESSION_ENCRYPTION_KEY", newKey()))) {
      Page page = new Browser().get(app.baseUrl() + "/users/id");
      assertEquals(503, page.status(), page.text());
      assertTrue(page.text().contains("not configured"), page.text());
      assertTrue(page.text().contains("SESSION_STORE_URL"), page.text());
      assertTrue(
          logs.lines().stream().anyMatch(l -> l.contains("the session store at " + gone.url())),
          "the log names the store");
    }
  }
}
