package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Missing or bad settings: the app still starts and every page says what to fix. */
class NotConfiguredIT {

  private static EmbeddedTomcat app;
  private static java.util.List<String> startUpLog;

  @BeforeAll
  static void start() throws Exception {
    TestEnvironment.tenant();
    try (LogCapture logs = LogCapture.start()) {
      app = startWithBadSettings();
      startUpLog = java.util.List.copyOf(logs.lines());
    }
  }

  private static EmbeddedTomcat startWithBadSettings() throws Exception {
    return EmbeddedTomcat.start(
        EmbeddedTomcat.builtWar(),
        EmbeddedTomcat.freePort(),
        Map.of(
            "CLIENT_SECRET", "top-secret-value-123",
            "REDIRECT_URI", "ftp://example.com/auth/redirect",
            // Longer than the WAR's 30-minute session timeout.
            "SIGN_IN_TIMEOUT_SECONDS", "3600"));
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  /**
   * The page is public: it names every setting to fix and a reference, never what is wrong with it
   * (a host, a path, a library's text); the log has that, under the same reference.
   */
  @Test
  void everyPageNamesEverySettingToFixAndTheLogSaysWhatIsWrong() throws IOException {
    String details = "SIGN_IN_TIMEOUT_SECONDS (3600 s) may not exceed the session timeout (1800 s)";
    String logged =
        startUpLog.stream()
            .filter(l -> l.contains("is not configured (reference "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no start-up line: " + startUpLog));
    String reference =
        logged.substring(
            logged.indexOf("(reference ") + 11, logged.indexOf(')', logged.indexOf("(reference ")));
    assertTrue(logged.contains(details), logged);
    assertTrue(logged.contains("REDIRECT_URI must be an absolute https URL"), logged);
    for (String path : new String[] {"/", "/users/id", "/auth/signin", "/users/updateProfile"}) {
      Page page = new Browser().get(app.baseUrl() + path);
      assertEquals(503, page.status(), path);
      String text = page.text();
      assertTrue(text.contains("not configured"), text);
      for (String name :
          new String[] {
            "TENANT_SUBDOMAIN",
            "CLIENT_ID",
            "REDIRECT_URI",
            "EDIT_PROFILE_SCOPE",
            "SIGN_IN_TIMEOUT_SECONDS"
          }) {
        assertTrue(text.contains(name), name + " in " + text);
      }
      assertTrue(text.contains(reference), reference + " in " + text);
      for (String detail : new String[] {details, "is missing", "must be", "https URL"}) {
        assertFalse(text.contains(detail), "a detail on the public page: " + detail);
      }
      assertFalse(page.body().contains("top-secret-value-123"));
      assertFalse(page.body().contains("Exception"));
    }
    Page api = new Browser().post(app.baseUrl() + "/api/updateUserInfo", java.util.Map.of());
    assertEquals(503, api.status(), api.body());
    assertTrue(api.header("Content-Type").orElse("").startsWith("application/problem+json"));
    assertTrue(api.body().contains(reference), api.body());
    assertFalse(api.body().contains("is missing"), api.body());
  }

  @Test
  void healthSaysDownAsJson() throws IOException {
    Page health = new Browser().get(app.baseUrl() + "/health");
    assertEquals(503, health.status());
    assertEquals("{\"status\":\"DOWN\",\"reason\":\"not configured\"}", health.body());
  }

  /**
   * An authority whose discovery document names another issuer (here the dev tenant addressed by
   * its domain name, whose issuer names its id) is refused at start-up, before anyone signs in.
   */
  @Test
  void anAuthorityThatDoesNotImplyTheDiscoveredIssuerIsRefusedAtStartUp() throws Exception {
    org.editprofile.devtenant.DevTenant tenant = TestEnvironment.tenant();
    String byDomain =
        tenant
            .authority()
            .replace(org.editprofile.devtenant.DevTenant.TENANT_ID, tenant.layout().tenantDomain());
    try (EmbeddedTomcat wrong = TestEnvironment.start(Map.of("AUTHORITY", byDomain))) {
      Page page = new Browser().get(wrong.baseUrl() + "/auth/signin");
      assertEquals(503, page.status(), page.text());
      assertTrue(page.text().contains("not configured"), page.text());
      assertTrue(page.text().contains("AUTHORITY"), page.text());
      assertFalse(page.text().contains(tenant.layout().issuerV2()), "no host on the page");
      assertEquals(503, new Browser().get(wrong.baseUrl() + "/health").status());
    }
  }

  @Test
  void staticFilesStillServed() throws IOException {
    assertEquals(200, new Browser().get(app.baseUrl() + "/static/app.css").status());
  }
}
