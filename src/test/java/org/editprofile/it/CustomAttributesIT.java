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
 * CUSTOM_ATTRIBUTES: the tenant's custom user attributes read with the profile (one {@code
 * $select}) and shown with their labels in the page's language, a boolean in words, an unset one as
 * a dash; and the dev tenant refusing a {@code $select} of a property it does not have, as Graph
 * does.
 */
class CustomAttributesIT {

  private static final String DECLARED = EmbeddedTomcat.DEV_CUSTOM_ATTRIBUTES;

  private static DevTenant tenant;
  private static EmbeddedTomcat app;

  @BeforeAll
  static void start() {
    tenant = TestEnvironment.tenant();
    app =
        TestEnvironment.start(
            Map.of(
                "CUSTOM_ATTRIBUTES",
                DECLARED,
                "EXTENSIONS_APP_CLIENT_ID",
                tenant.extensionsAppClientId()));
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  private static String property(String name) {
    return "extension_" + tenant.extensionsAppClientId().replace("-", "") + "_" + name;
  }

  @Test
  void theProfileShowsTheCustomersAttributesInTheirLanguage() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Custom Attributes");
    var directoryUser = tenant.directory().byOid(user.oid()).orElseThrow();
    directoryUser.setExtension(property("loyaltyNumber"), "LN-<42>");
    directoryUser.setExtension(property("newsletter"), true);

    Browser browser = new Browser();
    Journeys.signIn(browser, app.baseUrl(), user, "/");
    Page profile = browser.open(app.baseUrl() + "/users/gatedUpdateProfile");
    assertEquals(200, profile.status(), profile.text());
    Map<String, String> rows = rows(profile);
    assertEquals("LN-<42>", rows.get("Loyalty number"), "escaped, as typed: " + rows);
    assertTrue(profile.body().contains("LN-&lt;42&gt;"), "escaped in the page");
    assertEquals("Yes", rows.get("Newsletter"));
    assertEquals("-", rows.get("Shoe size"), "never set");

    browser.alwaysSend("Accept-Language", "de-DE,de");
    Map<String, String> german = rows(browser.open(app.baseUrl() + "/users/gatedUpdateProfile"));
    assertEquals("Ja", german.get("Newsletter"), german.toString());
    assertEquals("LN-<42>", german.get("Kundennummer"));
  }

  /** Without Graph's application permission for the service, nothing can write them. */
  @Test
  void withoutTheServicesPermissionTheEditFormShowsThemReadOnly() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Read Only Attributes");
    tenant.directory().byOid(user.oid()).orElseThrow().setExtension(property("shoeSize"), 41L);
    Browser browser = new Browser();
    Journeys.signIn(browser, app.baseUrl(), user, "/");
    Page form = Journeys.openEditForm(browser, app.baseUrl(), user);
    assertEquals(null, form.doc().selectFirst("[name^=extension_]"), "no attribute input");
    assertEquals("41", rows(form).get("Shoe size"), form.text());
    Page profile = browser.open(app.baseUrl() + "/users/gatedUpdateProfile");
    assertEquals(null, profile.doc().selectFirst("a[href$=/users/deleteAccount]"), "no deletion");
  }

  /** The profile's lines, label to value. */
  private static Map<String, String> rows(Page profile) {
    Map<String, String> rows = new java.util.LinkedHashMap<>();
    profile
        .doc()
        .select("dl.profile dt")
        .forEach(dt -> rows.put(dt.text(), dt.nextElementSibling().text()));
    return rows;
  }

  /** A misspelt declaration fails every profile read: the page says so, the log names it. */
  @Test
  void anAttributeTheTenantDoesNotHaveIsNamedInTheLog() throws Exception {
    String misspelt =
        "[{\"name\": \"loyaltyNumbr\", \"type\": \"string\","
            + " \"labels\": {\"en\": \"Loyalty\", \"es\": \"Cliente\", \"de\": \"Kunde\"}}]";
    try (EmbeddedTomcat wrong =
            TestEnvironment.start(
                Map.of(
                    "CUSTOM_ATTRIBUTES",
                    misspelt,
                    "EXTENSIONS_APP_CLIENT_ID",
                    tenant.extensionsAppClientId()));
        LogCapture logs = LogCapture.start()) {
      DevTenantUser user = TestEnvironment.newUser("Misspelt Attribute");
      Browser browser = new Browser();
      Journeys.signIn(browser, wrong.baseUrl(), user, "/");
      Page profile = browser.open(wrong.baseUrl() + "/users/gatedUpdateProfile");
      assertEquals(502, profile.status(), profile.text());
      assertTrue(
          logs.lines().stream()
              .anyMatch(
                  line ->
                      line.contains("Graph refused the profile read")
                          && line.contains(property("loyaltyNumbr"))),
          String.join("\n", logs.lines()));
    }
  }

  @Test
  void graphRefusesASelectOfAPropertyTheTenantDoesNotHave() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Unknown Property");
    String token =
        tenant.sign(
            tenant
                .accessTokenClaims(1, user.oid(), "User.Read")
                .audience("00000003-0000-0000-c000-000000000000")
                .build());
    Page refused =
        new Browser()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            tenant.graphEndpoint()
                                + "v1.0/me?$select=id,"
                                + property("notDefined")))
                    .header("Authorization", "Bearer " + token)
                    .GET());
    assertEquals(400, refused.status(), refused.body());
    assertTrue(refused.body().contains("Could not find a property named"), refused.body());
  }
}
