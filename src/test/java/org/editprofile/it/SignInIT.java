package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Faults;
import org.editprofile.devtenant.Faults.IdTokenDefect;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sign-in and sign-out through the dev tenant's real pages, over real HTTP, on the built WAR. */
class SignInIT {

  private static String app;
  private static DevTenant tenant;

  @BeforeAll
  static void start() {
    tenant = TestEnvironment.tenant();
    EmbeddedTomcat tomcat = TestEnvironment.serviceApp();
    app = tomcat.baseUrl();
  }

  @Test
  void signInThenClaimsThenSignOutEndsTheSession() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Ada Lovelace");
    Browser browser = new Browser();

    Page home = browser.open(app + "/");
    assertTrue(home.text().contains("Welcome"), home.text());

    Page protectedPage = browser.get(app + "/users/id");
    assertEquals(302, protectedPage.status());
    assertEquals("/auth/signin?redirectTo=%2Fusers%2Fid", protectedPage.location());

    browser.get(app + "/auth/signin");
    assertTrue(browser.cookie("JSESSIONID").isEmpty(), "a visitor's sign-in costs no session");
    List<String> pendingBefore = pendingCookies(browser);
    assertEquals(1, pendingBefore.size(), "that sign-in waits in a cookie");
    Page claims = Journeys.signIn(browser, app, user, "/users/id");
    assertEquals(app + "/users/id", claims.uri().toString());
    assertEquals(200, claims.status());
    assertTrue(claims.text().contains(user.oid()), "oid claim shown");
    assertTrue(claims.text().contains("Ada Lovelace"));
    assertTrue(browser.cookie("JSESSIONID").isPresent(), "the session begins at the callback");
    assertEquals(
        pendingBefore,
        pendingCookies(browser),
        "the answered sign-in's cookie is gone; the unanswered one stays until it expires");

    Page greeted = browser.open(app + "/");
    assertTrue(greeted.text().contains("Hi Ada Lovelace!"), greeted.text());

    String csrf =
        greeted.doc().selectFirst("form[action$=/auth/signout] input[name=_csrf]").attr("value");
    Page signOut = browser.post(app + "/auth/signout", Map.of("_csrf", csrf));
    assertEquals(302, signOut.status());
    URI endSession = URI.create(signOut.location());
    assertTrue(endSession.getPath().endsWith("/oauth2/v2.0/logout"));
    assertTrue(
        URLDecoder.decode(endSession.getRawQuery(), StandardCharsets.UTF_8)
            .contains("post_logout_redirect_uri=" + app + "/"));
    Page back = browser.settle(signOut);
    assertEquals(app + "/", back.uri().toString());
    assertTrue(back.text().contains("Welcome"));

    Page again = browser.get(app + "/users/id");
    assertEquals(302, again.status(), "a protected page asks to sign in again after sign-out");
  }

  @Test
  void authorizeRequestCarriesStateNoncePkceAndTheConfiguredRedirectUri() throws IOException {
    Browser browser = new Browser();
    Map<String, String> first = query(browser.get(app + "/auth/signin").location());
    Map<String, String> second = query(browser.get(app + "/auth/signin").location());
    assertEquals("code", first.get("response_type"));
    assertEquals(app + "/auth/redirect", first.get("redirect_uri"));
    assertTrue(first.get("scope").contains("openid"));
    assertEquals("S256", first.get("code_challenge_method"));
    assertNotNull(first.get("code_challenge"));
    assertTrue(
        first.get("state").length() >= 22 && first.get("nonce").length() >= 22,
        "at least 128 bits each");
    assertNotEquals(first.get("state"), second.get("state"));
    assertNotEquals(first.get("nonce"), second.get("nonce"));
    assertNotEquals(first.get("code_challenge"), second.get("code_challenge"));
  }

  @Test
  void callbackWithoutStateIsRefusedWithoutRedeemingTheCode() throws IOException {
    Browser browser = new Browser();
    browser.get(app + "/auth/signin");
    long tokenCalls = tenant.requests("token");
    Page page = browser.get(app + "/auth/redirect?code=anything");
    assertEquals(400, page.status());
    assertTrue(page.text().contains("incomplete"), page.text());
    assertEquals(tokenCalls, tenant.requests("token"));
  }

  @Test
  void callbackWithAnUnknownStateIsRefused() throws IOException {
    Browser browser = new Browser();
    browser.get(app + "/auth/signin");
    long tokenCalls = tenant.requests("token");
    Page page = browser.post(app + "/auth/redirect", Map.of("state", "forged-state", "code", "x"));
    assertEquals(400, page.status());
    assertTrue(page.text().contains("does not belong to this browser session"), page.text());
    assertEquals(tokenCalls, tenant.requests("token"));
  }

  @Test
  void replayedCallbackIsRefused() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Replay Victim");
    Browser browser = new Browser();
    Page login = Journeys.openSignIn(browser, app, "/");
    Page formPost =
        browser.submit(
            login,
            "form[action$=/login]",
            Map.of("email", user.email(), "password", user.password()));
    Map<String, String> response = new HashMap<>();
    formPost
        .doc()
        .select("form#response input")
        .forEach(i -> response.put(i.attr("name"), i.attr("value")));
    Page first = browser.post(app + "/auth/redirect", response);
    assertEquals(302, first.status());
    long tokenCalls = tenant.requests("token");
    Page replay = browser.post(app + "/auth/redirect", response);
    assertEquals(400, replay.status(), "the same code and state a second time");
    assertEquals(tokenCalls, tenant.requests("token"), "no second redemption attempt");
  }

  @Test
  void callbackAfterTheSignInTimeoutIsRefusedWithoutRedeemingTheCode() throws Exception {
    DevTenantUser user = TestEnvironment.newUser("Slow Typist");
    try (EmbeddedTomcat quick = TestEnvironment.start(Map.of("SIGN_IN_TIMEOUT_SECONDS", "1"))) {
      Browser browser = new Browser();
      Page login = Journeys.openSignIn(browser, quick.baseUrl(), "/users/id");
      Thread.sleep(1500);
      long tokenCalls = tenant.requests("token");
      Page page = Journeys.submitLogin(browser, login, user);
      assertEquals(400, page.status(), page.text());
      assertTrue(page.text().contains("took too long"), page.text());
      assertEquals(
          tokenCalls, tenant.requests("token"), "the expired state's code is never redeemed");
      assertEquals(302, browser.get(quick.baseUrl() + "/users/id").status(), "not signed in");
    }
  }

  @Test
  void callbackWithNoPendingSignInRestartsSignIn() throws IOException {
    Browser browser = new Browser();
    Page page = browser.get(app + "/auth/redirect?state=from-an-old-session&code=x");
    assertEquals(302, page.status());
    assertEquals("/auth/signin?restart=1", page.location());
    Map<String, String> authorize = query(browser.get(app + page.location()).location());
    Page again = browser.get(app + "/auth/redirect?state=" + authorize.get("state") + "x&code=x");
    assertEquals(400, again.status(), "an unknown state while one is pending is refused");
  }

  @Test
  void tenantErrorIsShownEscapedAndNoCodeIsRedeemed() throws IOException {
    Browser browser = new Browser();
    Page login = Journeys.openSignIn(browser, app, "/");
    long tokenCalls = tenant.requests("token");
    Page page = browser.settle(browser.submit(login, "form[action$=/cancel]", Map.of()));
    assertEquals(400, page.status());
    assertTrue(page.text().contains("access_denied"), page.text());
    assertEquals(tokenCalls, tenant.requests("token"));

    Map<String, String> authorize = query(browser.get(app + "/auth/signin").location());
    Page xss =
        browser.get(
            app
                + "/auth/redirect?state="
                + authorize.get("state")
                + "&error=access_denied&error_description=%3Cscript%3Ealert(1)%3C/script%3E");
    assertFalse(xss.body().contains("<script>alert(1)</script>"), "escaped");
    assertTrue(xss.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  }

  @ParameterizedTest
  @EnumSource(IdTokenDefect.class)
  void idTokenThatFailsVerificationIsRefused(IdTokenDefect fault) throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Token Tester");
    Browser browser = new Browser();
    Page login = Journeys.openSignIn(browser, app, "/users/id");
    tenant.faults().next(Faults.Endpoint.ID_TOKEN, Faults.idToken(fault));
    Page page = Journeys.submitLogin(browser, login, user);
    assertEquals(400, page.status(), fault + ": " + page.text());
    assertTrue(page.text().contains("could not be verified"), page.text());
    assertEquals(302, browser.get(app + "/users/id").status(), "not signed in");
  }

  @Test
  void signedInPagesMakeNoCallToTheTenant() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Steady State");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    browser.open(app + "/users/gatedUpdateProfile");
    Map<String, Long> before = tenant.requestCounts();
    for (int i = 0; i < 20; i++) {
      assertEquals(200, browser.get(app + "/users/id").status());
      assertEquals(200, browser.get(app + "/users/gatedUpdateProfile").status());
      assertEquals(200, browser.get(app + "/").status());
    }
    Map<String, Long> after = tenant.requestCounts();
    for (String endpoint : new String[] {"discovery", "jwks", "token", "authorize"}) {
      assertEquals(before.getOrDefault(endpoint, 0L), after.getOrDefault(endpoint, 0L), endpoint);
    }
    assertEquals(
        before.get("graph.get") + 20, after.get("graph.get"), "one Graph GET per profile page");
  }

  @Test
  void visitorsGetNoSessionUntilTheySignIn() throws IOException {
    for (String path : new String[] {"/", "/health", "/static/app.css", "/no-such-page"}) {
      Page page = new Browser().get(app + path);
      assertTrue(page.header("Set-Cookie").isEmpty(), path + " created a session");
    }
  }

  @Test
  void healthIsUpAndPublic() throws IOException {
    Page health = new Browser().get(app + "/health");
    assertEquals(200, health.status());
    assertEquals("{\"status\":\"UP\"}", health.body());
  }

  private static List<String> pendingCookies(Browser browser) {
    return browser.cookies().stream()
        .map(java.net.HttpCookie::getName)
        .filter(name -> name.startsWith("signin-"))
        .sorted()
        .toList();
  }

  static Map<String, String> query(String url) {
    Map<String, String> params = new HashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return params;
  }
}
