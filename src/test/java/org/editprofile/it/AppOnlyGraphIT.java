package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dev tenant's app-only side, which the account page's writes will use: client credentials for
 * Graph with the application permissions an administrator consented to in {@code roles}, and
 * Graph's {@code /users/{id}} and {@code /directory/deletedItems/{id}} for such tokens only.
 */
class AppOnlyGraphIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final DevTenant tenant = TestEnvironment.tenant();

  @AfterEach
  void consentBack() {
    tenant
        .registrations()
        .setApplicationPermissionConsent(tenant.serviceClientId(), "User.ReadWrite.All", true);
  }

  private Page tokenRequest(String scope) throws IOException {
    return clientCredentials(tenant, scope);
  }

  /** The edit profile service's client credentials request for this scope, with its secret. */
  static Page clientCredentials(DevTenant tenant, String scope) throws IOException {
    return new Browser()
        .post(
            tenant.layout().tenantEndpoint("/oauth2/v2.0/token"),
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                tenant.serviceClientId(),
                "client_secret",
                tenant.serviceClientSecret(),
                "scope",
                scope));
  }

  private String appToken() throws Exception {
    Page answer = tokenRequest("https://graph.microsoft.com/.default");
    assertEquals(200, answer.status(), answer.body());
    JsonNode body = JSON.readTree(answer.body());
    assertFalse(body.has("refresh_token") || body.has("id_token"), "app-only: nothing else");
    return body.path("access_token").asText();
  }

  private Page graph(String method, String path, String token, String json) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(tenant.graphEndpoint() + "v1.0" + path))
            .header("Authorization", "Bearer " + token);
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return new Browser()
        .send(
            request.method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  @Test
  void anAppTokenCarriesTheConsentedPermissionsAsRolesAndNoScope() throws Exception {
    var claims = JWTParser.parse(appToken()).getJWTClaimsSet();
    assertEquals(List.of("User.ReadWrite.All"), claims.getStringListClaim("roles"));
    assertEquals("app", claims.getStringClaim("idtyp"));
    assertEquals(tenant.serviceClientId(), claims.getStringClaim("appid"));
    assertEquals(null, claims.getClaim("scp"));

    Page notDefault = tokenRequest("User.ReadWrite.All");
    assertEquals(400, notDefault.status());
    assertTrue(notDefault.body().contains("AADSTS1002012"), notDefault.body());

    tenant
        .registrations()
        .setApplicationPermissionConsent(tenant.serviceClientId(), "User.ReadWrite.All", false);
    assertEquals(
        List.of(),
        JWTParser.parse(appToken()).getJWTClaimsSet().getStringListClaim("roles"),
        "consent withdrawn: a token without the role");
  }

  @Test
  void usersByIdNeedsAnAppTokenWithTheRole() throws Exception {
    DevTenantUser user = TestEnvironment.newUser("App Only");
    String property =
        "extension_" + tenant.extensionsAppClientId().replace("-", "") + "_loyaltyNumber";
    Page patched =
        graph(
            "PATCH",
            "/users/" + user.oid(),
            appToken(),
            "{\"city\":\"Turin\",\"" + property + "\":\"LN-7\"}");
    assertEquals(204, patched.status(), patched.body());
    var stored = tenant.directory().byOid(user.oid()).orElseThrow();
    assertEquals("Turin", stored.snapshot().get("city"));
    assertEquals("LN-7", stored.extensions().get(property));

    Page wrongType =
        graph(
            "PATCH",
            "/users/" + user.oid(),
            appToken(),
            "{\"city\":\"Milan\",\"" + property + "\":42}");
    assertEquals(400, wrongType.status());
    assertEquals("Turin", stored.snapshot().get("city"), "all or nothing");

    String delegated =
        tenant.sign(
            tenant
                .accessTokenClaims(1, user.oid(), "User.ReadWrite")
                .audience("00000003-0000-0000-c000-000000000000")
                .build());
    assertEquals(403, graph("GET", "/users/" + user.oid(), delegated, null).status());
    tenant
        .registrations()
        .setApplicationPermissionConsent(tenant.serviceClientId(), "User.ReadWrite.All", false);
    Page noRole = graph("PATCH", "/users/" + user.oid(), appToken(), "{\"city\":\"Rome\"}");
    assertEquals(403, noRole.status());
    assertTrue(noRole.body().contains("Authorization_RequestDenied"), noRole.body());
  }

  @Test
  void aDeletedUserCannotSignInAndIsKeptUntilPurged() throws Exception {
    DevTenantUser user = TestEnvironment.newUser("Deleted User");
    Browser browser = new Browser();
    String app = TestEnvironment.serviceApp().baseUrl();
    Journeys.signIn(browser, app, user, "/");
    String token = appToken();

    assertEquals(204, graph("DELETE", "/users/" + user.oid(), token, null).status());
    assertEquals(404, graph("GET", "/users/" + user.oid(), token, null).status());
    assertFalse(tenant.directory().authenticate(user.email(), user.password()).isPresent());
    Browser fresh = new Browser();
    Page again = Journeys.openSignIn(fresh, app, "/");
    assertFalse(
        Journeys.enterCredentials(fresh, again, user).isRedirect(),
        "the sign-in page refuses the deleted account");

    assertEquals(200, graph("GET", "/directory/deletedItems/" + user.oid(), token, null).status());
    assertEquals(
        204, graph("DELETE", "/directory/deletedItems/" + user.oid(), token, null).status());
    assertEquals(404, graph("GET", "/directory/deletedItems/" + user.oid(), token, null).status());
  }
}
