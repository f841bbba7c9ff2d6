package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.editprofile.devtenant.EmbeddedTomcat;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Missing or bad settings: the app still starts and every page says what to fix. */
class NotConfiguredIT {

  private static EmbeddedTomcat app;

  @BeforeAll
  static void start() throws Exception {
    TestEnvironment.tenant();
    app =
        EmbeddedTomcat.start(
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

  @Test
  void everyPageListsEveryProblemWithoutSecretsOrStackTraces() throws IOException {
    for (String path : new String[] {"/", "/users/id", "/auth/signin", "/users/updateProfile"}) {
      Page page = new Browser().get(app.baseUrl() + path);
      assertEquals(503, page.status(), path);
      String text = page.text();
      assertTrue(text.contains("not configured"), text);
      for (String name :
          new String[] {
            "TENANT_SUBDOMAIN",
            "CLIENT_ID is missing",
            "REDIRECT_URI must be",
            "EDIT_PROFILE_SCOPE is missing",
            "SIGN_IN_TIMEOUT_SECONDS (3600 s) may not exceed the session timeout (1800 s)"
          }) {
        assertTrue(text.contains(name), name + " in " + text);
      }
      assertFalse(page.body().contains("top-secret-value-123"));
      assertFalse(page.body().contains("Exception"));
    }
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
      assertTrue(
          page.text().contains("names the issuer " + tenant.layout().issuerV2()), page.text());
      assertEquals(503, new Browser().get(wrong.baseUrl() + "/health").status());
    }
  }

  @Test
  void staticFilesStillServed() throws IOException {
    assertEquals(200, new Browser().get(app.baseUrl() + "/static/app.css").status());
  }
}
