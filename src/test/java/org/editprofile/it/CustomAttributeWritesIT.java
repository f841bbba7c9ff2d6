package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Faults;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.Browser.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writing custom attributes: the edit form on the service path offers them, typed, when the service
 * holds Graph's application permission; one save writes them and the built-in fields in one Graph
 * PATCH of the signed-in user (a failure in the middle changes nothing and keeps what was typed);
 * without the service they are read-only. The service acts only on the user its validated token
 * names: an object id in the body, another user's token or an app-only token never reach another
 * account.
 */
class CustomAttributeWritesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static DevTenant tenant;
  private static EmbeddedTomcat app;
  private static EmbeddedTomcat direct;

  @BeforeAll
  static void start() {
    tenant = TestEnvironment.tenant();
    app = TestEnvironment.start(EmbeddedTomcat.accountSettingsFor(tenant));
    Map<String, String> directSettings = new HashMap<>(EmbeddedTomcat.accountSettingsFor(tenant));
    directSettings.put("EDIT_PROFILE_API_URL", "");
    direct = TestEnvironment.start(directSettings);
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    direct.close();
  }

  @AfterEach
  void noFaultLeft() {
    tenant.faults().clear();
  }

  private static String property(String name) {
    return "extension_" + tenant.extensionsAppClientId().replace("-", "") + "_" + name;
  }

  private static Map<String, Object> extensions(DevTenantUser user) {
    return tenant.directory().byOid(user.oid()).orElseThrow().extensions();
  }

  private static Object city(DevTenantUser user) {
    return tenant.directory().byOid(user.oid()).orElseThrow().snapshot().get("city");
  }

  @Test
  void oneSaveWritesTheBuiltInFieldsAndTheAttributesTyped() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Attribute Writer");
    Browser browser = new Browser();
    Journeys.signIn(browser, app.baseUrl(), user, "/");
    Page form = Journeys.openEditForm(browser, app.baseUrl(), user);
    Element loyalty =
        form.doc().selectFirst("input[type=text][name=" + property("loyaltyNumber") + "]");
    assertNotNull(loyalty, form.body());
    assertEquals("20", loyalty.attr("maxlength"));
    Element shoeSize =
        form.doc().selectFirst("input[type=number][name=" + property("shoeSize") + "]");
    assertEquals("15", shoeSize.attr("min"));
    assertEquals("60", shoeSize.attr("max"));
    assertEquals(3, form.doc().select("select[name=" + property("newsletter") + "] option").size());
    assertEquals(
        "Loyalty number",
        form.doc().selectFirst("label[for=" + property("loyaltyNumber") + "]").text());

    long appPatches = tenant.requests("graph.app.patch");
    long mePatches = tenant.requests("graph.patch");
    Page saved =
        browser.settle(
            browser.submit(
                form,
                "form#profile-form",
                Map.of(
                    "city",
                    "Bologna",
                    property("loyaltyNumber"),
                    "LN-900",
                    property("newsletter"),
                    "false",
                    property("shoeSize"),
                    "42")));
    assertEquals(200, saved.status(), saved.text());
    assertTrue(saved.text().contains("Your profile was updated."), saved.text());
    assertEquals(appPatches + 1, tenant.requests("graph.app.patch"), "one PATCH for all of it");
    assertEquals(mePatches, tenant.requests("graph.patch"), "no delegated PATCH beside it");
    assertEquals("Bologna", city(user));
    assertEquals("LN-900", extensions(user).get(property("loyaltyNumber")));
    assertEquals(false, extensions(user).get(property("newsletter")));
    assertEquals(42L, extensions(user).get(property("shoeSize")));

    // Cleared with an empty field: Graph's null; the service's app token comes from its cache.
    long appTokens = tenant.requests("token.client_credentials");
    Page again = Journeys.openEditForm(browser, app.baseUrl(), user);
    assertEquals(
        "42", again.doc().selectFirst("input[name=" + property("shoeSize") + "]").attr("value"));
    browser.settle(browser.submit(again, "form#profile-form", Map.of(property("shoeSize"), "")));
    assertNull(extensions(user).get(property("shoeSize")));
    assertEquals(appTokens, tenant.requests("token.client_credentials"), "no new app token");
  }

  @Test
  void aValueOutsideItsRulesIsRefusedOnTheFormAndNothingIsWritten() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Attribute Rules");
    Browser browser = new Browser();
    Journeys.signIn(browser, app.baseUrl(), user, "/");
    Page form = Journeys.openEditForm(browser, app.baseUrl(), user);
    long appPatches = tenant.requests("graph.app.patch");
    Page refused =
        browser.submit(
            form,
            "form#profile-form",
            Map.of("city", "Parma", property("shoeSize"), "61", property("newsletter"), "maybe"));
    assertEquals(400, refused.status(), refused.text());
    assertTrue(
        refused.text().contains("Shoe size must be a whole number from 15 to 60."), refused.text());
    assertEquals(
        "Parma",
        refused.doc().selectFirst("input[name=city]").attr("value"),
        "what was typed stays");
    assertEquals(appPatches, tenant.requests("graph.app.patch"));
    assertNull(city(user));
  }

  @Test
  void aFailureInTheMiddleChangesNothingAndTheNextSaveWritesEverything() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Attribute Failure");
    Browser browser = new Browser();
    Journeys.signIn(browser, app.baseUrl(), user, "/");
    Page form = Journeys.openEditForm(browser, app.baseUrl(), user);
    tenant.faults().next(Faults.Endpoint.GRAPH, Faults.graph(Faults.GraphFailure.UNAVAILABLE));
    Page failed =
        browser.settle(
            browser.submit(
                form,
                "form#profile-form",
                Map.of("city", "Modena", property("loyaltyNumber"), "LN-MID")));
    assertEquals(502, failed.status(), failed.text());
    assertNull(city(user), "the built-in field is not written without the attribute");
    assertFalse(extensions(user).containsKey(property("loyaltyNumber")));

    Page kept = Journeys.openEditForm(browser, app.baseUrl(), user);
    assertEquals("Modena", kept.doc().selectFirst("input[name=city]").attr("value"));
    assertEquals(
        "LN-MID",
        kept.doc().selectFirst("input[name=" + property("loyaltyNumber") + "]").attr("value"));
    Page saved = browser.settle(browser.submit(kept, "form#profile-form", Map.of()));
    assertEquals(200, saved.status(), saved.text());
    assertEquals("Modena", city(user));
    assertEquals("LN-MID", extensions(user).get(property("loyaltyNumber")));
  }

  @Test
  void withoutTheServiceTheAttributesAreReadOnlyAndAForgedFieldIsIgnored() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Attribute Direct");
    tenant
        .directory()
        .byOid(user.oid())
        .orElseThrow()
        .setExtension(property("loyaltyNumber"), "LN-RO");
    Browser browser = new Browser();
    Journeys.signIn(browser, direct.baseUrl(), user, "/");
    Page form = Journeys.openEditForm(browser, direct.baseUrl(), user);
    assertNull(form.doc().selectFirst("[name^=extension_]"), "no attribute input");
    assertTrue(form.text().contains("These details cannot be changed here."), form.text());
    assertTrue(form.text().contains("LN-RO"), "shown read-only");

    long appPatches = tenant.requests("graph.app.patch");
    Page saved =
        browser.settle(
            browser.submit(
                form,
                "form#profile-form",
                Map.of("city", "Ferrara", property("loyaltyNumber"), "LN-FORGED")));
    assertEquals(200, saved.status(), saved.text());
    assertEquals("Ferrara", city(user));
    assertEquals("LN-RO", extensions(user).get(property("loyaltyNumber")));
    assertEquals(appPatches, tenant.requests("graph.app.patch"));
  }

  private static Page callService(String token, String body) throws IOException {
    return new Browser()
        .send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/updateUserInfo"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void theServiceWritesOnlyTheAccountItsValidatedTokenNames() throws IOException {
    DevTenantUser caller = TestEnvironment.newUser("Deputy Caller");
    DevTenantUser victim = TestEnvironment.newUser("Deputy Victim");
    String token =
        tenant.sign(
            tenant.accessTokenClaims(2, caller.oid(), DevTenant.SERVICE_SCOPE_NAME).build());

    Page withId =
        callService(
            token,
            "{\"id\":\"" + victim.oid() + "\",\"" + property("loyaltyNumber") + "\":\"LN-X\"}");
    assertEquals(400, withId.status(), withId.body());
    assertTrue(JSON.readTree(withId.body()).path("errors").has("id"), withId.body());

    long appPatches = tenant.requests("graph.app.patch");
    Page ok = callService(token, "{\"" + property("loyaltyNumber") + "\":\"LN-OWN\"}");
    assertEquals(204, ok.status(), ok.body());
    assertEquals(appPatches + 1, tenant.requests("graph.app.patch"));
    assertEquals("LN-OWN", extensions(caller).get(property("loyaltyNumber")));
    assertFalse(extensions(victim).containsKey(property("loyaltyNumber")), "never the victim");

    // The query string names nobody either.
    Page withQuery =
        new Browser()
            .send(
                HttpRequest.newBuilder(
                        URI.create(app.baseUrl() + "/api/updateUserInfo?oid=" + victim.oid()))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"" + property("loyaltyNumber") + "\":\"LN-Q\"}")));
    assertEquals(204, withQuery.status(), withQuery.body());
    assertEquals("LN-Q", extensions(caller).get(property("loyaltyNumber")));
    assertFalse(extensions(victim).containsKey(property("loyaltyNumber")));
  }

  @Test
  void anAppOnlyTokenWithoutAUserIsRefused() throws Exception {
    // The service's own client-credentials token: valid, signed by the tenant, but for Graph and
    // without a user; and the same shape minted for the service's audience.
    Page issued = AppOnlyGraphIT.clientCredentials(tenant, "https://graph.microsoft.com/.default");
    String graphAppToken = JSON.readTree(issued.body()).path("access_token").asText();
    String forService =
        tenant.sign(
            new com.nimbusds.jwt.JWTClaimsSet.Builder(
                    tenant.accessTokenClaims(2, tenant.serviceClientId(), "x").build())
                .claim("scp", null)
                .claim("idtyp", "app")
                .claim("roles", java.util.List.of("User.ReadWrite.All"))
                .build());
    long appPatches = tenant.requests("graph.app.patch");
    for (String token : new String[] {graphAppToken, forService}) {
      Page refused = callService(token, "{\"" + property("loyaltyNumber") + "\":\"LN-APP\"}");
      assertTrue(
          refused.status() == 401 || refused.status() == 403, refused.status() + refused.body());
    }
    assertEquals(appPatches, tenant.requests("graph.app.patch"));
  }
}
