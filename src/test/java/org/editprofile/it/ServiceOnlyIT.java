package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WAR deployed as the edit profile service alone, with only the service's and the tenant's
 * settings: the API works, the web app's pages do not exist there, and nothing asks for the web
 * app's settings.
 */
class ServiceOnlyIT {

  private static DevTenant tenant;
  private static EmbeddedTomcat service;
  private static DevTenantUser user;

  @BeforeAll
  static void start() {
    tenant = TestEnvironment.tenant();
    user = TestEnvironment.newUser("Service Only");
    service =
        TestEnvironment.start(
            Map.of(
                "CLIENT_ID", "",
                "CLIENT_SECRET", "",
                "REDIRECT_URI", "",
                "POST_LOGOUT_REDIRECT_URI", "",
                "EDIT_PROFILE_SCOPE", "",
                "EDIT_PROFILE_API_URL", "",
                // Without the web app's CLIENT_ID here, the callers are named explicitly.
                "EDIT_PROFILE_SERVICE_ALLOWED_CLIENT_IDS", tenant.webClientId()));
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
  }

  @Test
  void serviceAloneIsHealthyAndUpdatesTheProfileOnBehalfOfTheUser() throws IOException {
    Page health = new Browser().get(service.baseUrl() + "/health");
    assertEquals(200, health.status(), health.body());
    assertTrue(health.body().contains("UP"));

    String token =
        tenant.sign(tenant.accessTokenClaims(2, user.oid(), DevTenant.SERVICE_SCOPE_NAME).build());
    Page saved =
        new Browser()
            .send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/updateUserInfo"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"city\":\"Service Town\"}")));
    assertEquals(204, saved.status(), saved.body());
    assertEquals(
        "Service Town", tenant.directory().byOid(user.oid()).orElseThrow().snapshot().get("city"));
  }

  @Test
  void serviceAloneServesNoPagesOfTheWebApp() throws IOException {
    for (String path : new String[] {"/", "/auth/signin", "/users/gatedUpdateProfile"}) {
      Page page = new Browser().get(service.baseUrl() + path);
      assertEquals(404, page.status(), path + ": " + page.body());
    }
  }

  @Test
  void unknownApiRoutesAnswerProblemJson() throws IOException {
    Page page = new Browser().get(service.baseUrl() + "/api/nothing-here");
    assertEquals(404, page.status());
    assertTrue(
        page.header("Content-Type").orElse("").startsWith("application/problem+json"),
        page.header("Content-Type").toString());
  }
}
