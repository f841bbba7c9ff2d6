package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Registrations;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * STEP_UP_MODE=auth-context against a tenant where Conditional Access asks MFA for the context c1
 * and no longer for the service's API: the step-up asks for c1, the app checks the ID token's
 * {@code acrs} and the service the access token's, so removing the claims request from the
 * authorize URL gets no save through.
 */
class AuthContextIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static DevTenant tenant;
  private static EmbeddedTomcat service;
  private static EmbeddedTomcat direct;

  @BeforeAll
  static void start() {
    tenant = TestEnvironment.tenant();
    // The administrator moved the MFA policy from the API to the authentication context.
    tenant.registrations().setApiRequiresMfa(tenant.serviceClientId(), false);
    Map<String, String> mode =
        Map.of(
            "STEP_UP_MODE", "auth-context",
            "STEP_UP_AUTH_CONTEXT", Registrations.EDIT_CONTEXT,
            "EDIT_PROFILE_SERVICE_REQUIRED_AUTH_CONTEXT", Registrations.EDIT_CONTEXT);
    service = TestEnvironment.start(mode);
    Map<String, String> directMode = new java.util.HashMap<>(mode);
    directMode.put("EDIT_PROFILE_API_URL", "");
    directMode.put("EDIT_PROFILE_SCOPE", "");
    direct = TestEnvironment.start(directMode);
  }

  @AfterAll
  static void stop() throws Exception {
    tenant.registrations().setApiRequiresMfa(tenant.serviceClientId(), true);
    service.close();
    direct.close();
  }

  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of("service", (java.util.function.Supplier<String>) () -> service.baseUrl()),
        Arguments.of("direct", (java.util.function.Supplier<String>) () -> direct.baseUrl()));
  }

  /** The claims parameter of an authorize URL, decoded; empty when it has none. */
  private static String claimsOf(String authorizeUrl) {
    for (String pair : URI.create(authorizeUrl).getRawQuery().split("&")) {
      if (pair.startsWith("claims=")) {
        return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static String withoutClaims(String authorizeUrl) {
    URI uri = URI.create(authorizeUrl);
    String query =
        String.join(
            "&",
            Stream.of(uri.getRawQuery().split("&")).filter(p -> !p.startsWith("claims=")).toList());
    return authorizeUrl.substring(0, authorizeUrl.indexOf('?') + 1) + query;
  }

  @ParameterizedTest(name = "{0} path")
  @MethodSource("paths")
  void theStepUpAsksForTheContextAndTheSaveGoesThroughAfterTheCode(
      String path, java.util.function.Supplier<String> base) throws IOException {
    String app = base.get();
    DevTenantUser user = TestEnvironment.newUser("Context " + path);
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");

    Page edit = browser.get(app + "/users/updateProfile");
    assertEquals(302, edit.status(), edit.text());
    JsonNode claims = JSON.readTree(claimsOf(edit.location()));
    assertEquals("c1", claims.path("id_token").path("acrs").path("value").asText(), "" + claims);
    assertEquals("c1", claims.path("access_token").path("acrs").path("value").asText());
    assertEquals(
        "cp1",
        claims.path("access_token").path("xms_cc").path("values").path(0).asText(),
        "MSAL4J's client capability merged into the same claims: " + claims);

    Page mfa = browser.settle(edit);
    assertTrue(Journeys.isMfaPage(mfa), "the context's policy asks for the code: " + mfa.text());
    Page form = Journeys.completeMfa(browser, mfa, user);
    assertEquals(app + "/users/updateProfile", form.uri().toString(), form.text());

    Page claimsPage = browser.open(app + "/users/id");
    assertTrue(claimsPage.text().contains("acrs"), "the ID token names the context");

    long patches = tenant.requests("graph.patch");
    Page saved =
        browser.settle(
            browser.submit(form, "form#profile-form", Map.of("city", "Context City " + path)));
    assertEquals(app + "/users/gatedUpdateProfile", saved.uri().toString(), saved.text());
    assertTrue(saved.text().contains("Your profile was updated."), saved.text());
    assertEquals(patches + 1, tenant.requests("graph.patch"));
    assertEquals(
        "Context City " + path,
        tenant.directory().byOid(user.oid()).orElseThrow().snapshot().get("city"));
  }

  @ParameterizedTest(name = "{0} path")
  @MethodSource("paths")
  void removingTheClaimsRequestSignsInButTheSaveIsRefusedAndAStepUpFollows(
      String path, java.util.function.Supplier<String> base) throws IOException {
    String app = base.get();
    DevTenantUser user = TestEnvironment.newUser("Stripped " + path);
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    Page form = browser.get(app + "/users/updateProfile");
    assertEquals(302, form.status());

    // The user takes the claims request out of the authorize URL: no code is asked for, and the
    // tenant signs them in again without the context.
    Page back = browser.get(withoutClaims(form.location()));
    assertFalse(Journeys.isMfaPage(back), "without the claims request, no code is asked for");
    Page afterCallback = browser.settle(back);
    assertTrue(
        Journeys.isMfaPage(afterCallback),
        "back at the app, the gate still finds no context and steps up again: "
            + afterCallback.uri());

    // A save posted with the session so far reaches no one.
    long patches = tenant.requests("graph.patch");
    long serviceCalls = tenant.requests("token.urn:ietf:params:oauth:grant-type:jwt-bearer");
    String csrf = browser.open(app + "/").doc().selectFirst("input[name=_csrf]").attr("value");
    Page save =
        browser.post(
            app + "/users/update", Map.of("_csrf", csrf, "city", "Stripped City", "shown", ""));
    assertEquals(302, save.status(), save.text());
    assertTrue(save.location().contains("/oauth2/v2.0/authorize"), save.location());
    assertTrue(claimsOf(save.location()).contains("\"c1\""), save.location());
    assertEquals(patches, tenant.requests("graph.patch"), "nothing was written");
    assertEquals(
        serviceCalls,
        tenant.requests("token.urn:ietf:params:oauth:grant-type:jwt-bearer"),
        "the service was never asked to exchange a token");
    assertFalse(
        "Stripped City"
            .equals(tenant.directory().byOid(user.oid()).orElseThrow().snapshot().get("city")));
  }

  /**
   * Removing the claims request again and again is a loop the step-up's cap ends: after three
   * rounds in a few minutes, "verification not completed", never a fourth trip to the tenant.
   */
  @Test
  void removingTheClaimsRequestEveryTimeEndsOnTheCappedPage() throws IOException {
    String app = service.baseUrl();
    DevTenantUser user = TestEnvironment.newUser("Stripped Thrice");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    long patches = tenant.requests("graph.patch");
    Page page = browser.get(app + "/users/updateProfile");
    String authorize = page.location();
    for (int round = 0; round < 3 && page.status() != 403; round++) {
      page = browser.settle(browser.get(withoutClaims(authorize)));
      authorize = lastAuthorizeUrl(browser);
    }
    assertEquals(403, page.status(), page.uri() + "\n" + page.text());
    assertTrue(page.text().contains("Verification not completed"), page.text());
    assertEquals(patches, tenant.requests("graph.patch"), "nothing was written");
  }

  /** The authorize URL the browser last went to. */
  private static String lastAuthorizeUrl(Browser browser) {
    List<Page> history = browser.history();
    for (int i = history.size() - 1; i >= 0; i--) {
      String url = history.get(i).uri().toString();
      if (url.contains("/oauth2/v2.0/authorize") && url.contains("claims=")) {
        return url;
      }
    }
    throw new AssertionError("no authorize request with claims");
  }

  /** The service's own check, over HTTP, with tokens crafted as the tenant signs them. */
  @Test
  void theServiceChecksTheContextInTheTokenItReceives() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Service Context");
    String api = service.baseUrl() + "/api/updateUserInfo";
    JWTClaimsSet.Builder base =
        tenant.accessTokenClaims(2, user.oid(), DevTenant.SERVICE_SCOPE_NAME);

    Page challenged = call(api, base.claim("xms_cc", List.of("cp1")).build());
    assertEquals(401, challenged.status(), challenged.body());
    String header = challenged.header("WWW-Authenticate").orElseThrow();
    assertTrue(header.contains("error=\"insufficient_claims\""), header);
    assertTrue(header.contains("cc_type=\"authcontext\""), header);
    String encoded = header.replaceAll(".*claims=\"([^\"]+)\".*", "$1");
    assertEquals(
        "c1",
        JSON.readTree(Base64.getDecoder().decode(encoded))
            .path("access_token")
            .path("acrs")
            .path("value")
            .asText());

    Page refused =
        call(
            api,
            tenant
                .accessTokenClaims(1, user.oid(), DevTenant.SERVICE_SCOPE_NAME)
                .claim("acrs", List.of("c2"))
                .build());
    assertEquals(403, refused.status(), refused.body());
    assertEquals("c1", JSON.readTree(refused.body()).path("requiredAuthContext").asText());

    long patches = tenant.requests("graph.patch");
    Page accepted =
        call(
            api,
            tenant
                .accessTokenClaims(1, user.oid(), DevTenant.SERVICE_SCOPE_NAME)
                .claim("acrs", List.of("c1"))
                .build());
    assertEquals(204, accepted.status(), accepted.body());
    assertEquals(patches + 1, tenant.requests("graph.patch"));
  }

  private static Page call(String api, JWTClaimsSet claims) throws IOException {
    return new Browser()
        .send(
            HttpRequest.newBuilder(URI.create(api))
                .header("Authorization", "Bearer " + tenant.sign(claims))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jobTitle\":\"Checked\"}")));
  }
}
