package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.editprofile.auth.StepUp;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Faults;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Protocol and session security against the running app (OWASP ASVS V10/V7/V3, RFC 9700). The
 * numbers refer to the list in docs/security.md; cases 1-4 are in {@link SignInIT}.
 */
class SecurityIT {

  private static DevTenant tenant;
  private static String app;

  @BeforeAll
  static void start() {
    tenant = TestEnvironment.tenant();
    app = TestEnvironment.serviceApp().baseUrl();
  }

  /** 5. The session id changes at sign-in and after the step-up; old ids are worthless. */
  @Test
  void sessionIdChangesAtSignInAndAfterStepUpAndOldIdsStopWorking() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Rotation");
    // An id someone else chose (a planted cookie) is never the one the user signs in with.
    Browser attacker = new Browser();
    Journeys.signIn(attacker, app, TestEnvironment.newUser("Attacker"), "/");
    String planted = attacker.cookie("JSESSIONID").orElseThrow();
    Browser victim = new Browser();
    victim.setCookie(app, "JSESSIONID", planted);
    Journeys.signIn(victim, app, user, "/");
    String issued = null;
    for (Page page : victim.history()) {
      Optional<String> set = page.setCookie("JSESSIONID");
      if (set.isPresent()) {
        issued = set.get().substring("JSESSIONID=".length(), set.get().indexOf(';'));
      }
    }
    assertNotEquals(null, issued, "the sign-in sets a session cookie");
    assertNotEquals(planted, issued);
    assertFalse(isSignedIn(planted), "the planted id is worthless after the user's sign-in");
    assertTrue(isSignedIn(issued));

    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    String signedIn = browser.cookie("JSESSIONID").orElseThrow();
    Journeys.openEditForm(browser, app, user);
    String steppedUp = browser.cookie("JSESSIONID").orElseThrow();
    assertNotEquals(signedIn, steppedUp);
    assertFalse(isSignedIn(signedIn), "the id from before the step-up no longer works");
    assertTrue(isSignedIn(steppedUp));
  }

  private static boolean isSignedIn(String sessionId) throws IOException {
    Browser other = new Browser();
    other.setCookie(app, "JSESSIONID", sessionId);
    return other.get(app + "/users/id").status() == 200;
  }

  /** 6. redirectTo is only ever an in-app path. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "javascript:alert(1)",
        "/users/id%0d%0aSet-Cookie:x=1",
        "/%0d%0aLocation:%20https://evil.example",
        "/../../manager/html",
        "http:/evil",
        // The value /%2E%2E%2Fx and /users%5Cid (encoded once more for the query).
        "/%252E%252E%252Fx",
        "/users%255Cid"
      })
  void signInNeverReturnsOutsideTheApp(String redirectTo) throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Redirect");
    Browser browser = new Browser();
    String raw =
        app
            + "/auth/signin?redirectTo="
            + java.net.URLEncoder.encode(
                java.net.URLDecoder.decode(redirectTo, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
    Page login = browser.settle(browser.get(raw));
    Page landed = Journeys.submitLogin(browser, login, user);
    assertEquals(app + "/", landed.uri().toString(), redirectTo);
    assertFalse(browser.history().isEmpty(), "the journey's responses are recorded");
    for (Page page : browser.history()) {
      page.header("Location")
          .ifPresent(
              location -> {
                URI target = page.uri().resolve(location);
                assertTrue(target.getHost().equals("127.0.0.1"), "redirect to " + location);
                assertFalse(location.contains("\r") || location.contains("\n"));
              });
    }
  }

  /**
   * 6b. Under a context path, encoded dot segments (which browsers resolve as "..") and Tomcat's
   * "..;" path parameter cannot climb above the app: the user lands on the app's home page.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/%2e%2e/other-app",
        "/%2E%2E/other-app",
        "/.%2e/other-app",
        "/%2e./other-app",
        "/users/%2e%2e/%2e%2e/other-app",
        "/%2e/x",
        "/..;/other-app",
        "/users/..;x=1/..;/other-app",
        "/%2e%2e;/other-app"
      })
  void signInUnderAContextPathNeverReturnsAboveIt(String redirectTo) throws IOException {
    String edit = contextPathApp().baseUrl();
    DevTenantUser user = TestEnvironment.newUser("Dot Segments");
    Browser browser = new Browser();
    Page login =
        browser.settle(
            browser.get(
                edit
                    + "/auth/signin?redirectTo="
                    + java.net.URLEncoder.encode(redirectTo, StandardCharsets.UTF_8)));
    Page landed = Journeys.submitLogin(browser, login, user);
    assertEquals(edit + "/", landed.uri().toString(), redirectTo);
    assertEquals(200, landed.status());
  }

  private static EmbeddedTomcat contextPathApp;

  private static synchronized EmbeddedTomcat contextPathApp() {
    if (contextPathApp == null) {
      contextPathApp = TestEnvironment.startAt("/edit", Map.of());
    }
    return contextPathApp;
  }

  @AfterAll
  static void stopContextPathApp() throws Exception {
    if (contextPathApp != null) {
      contextPathApp.close();
    }
  }

  /** 7. Step-ups are capped: someone who never completes MFA ends on a page, not in a loop. */
  @Test
  void repeatedStepUpsEndOnAPage() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Loop");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    for (int i = 0; i < 3; i++) {
      assertEquals(302, browser.get(app + "/users/updateProfile").status());
    }
    Page stopped = browser.get(app + "/users/updateProfile");
    assertEquals(403, stopped.status());
    assertTrue(stopped.text().contains("Verification not completed"));
  }

  /**
   * 7b. The cap holds across routes and scopes: after MFA, a lasting claims challenge from Graph
   * (each silent MFA token would otherwise reset the count) ends on the page within four rounds.
   */
  @Test
  void aLastingGraphChallengeAfterMfaEndsOnAPageNotInALoop() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Challenged");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    Journeys.openEditForm(browser, app, user);
    tenant
        .faults()
        .next(
            Faults.Endpoint.GRAPH, null, Faults.graph(Faults.GraphFailure.CLAIMS_CHALLENGE), 1000);
    try {
      long authorizeBefore = tenant.requests("authorize");
      Page stopped = browser.open(app + "/users/updateProfile");
      assertEquals(403, stopped.status(), stopped.text());
      assertTrue(stopped.text().contains("Verification not completed"), stopped.text());
      assertTrue(
          tenant.requests("authorize") - authorizeBefore <= StepUp.MAX_ATTEMPTS,
          "at most " + StepUp.MAX_ATTEMPTS + " rounds through the tenant");
    } finally {
      tenant.faults().clear();
    }
  }

  /**
   * 5b. A sign-in as someone else on the same browser starts from an empty session: the previous
   * user's unsaved draft, step-up count and CSRF token do not carry over.
   */
  @Test
  void aDifferentUserSigningInInheritsNothingFromThePreviousOne() throws IOException {
    DevTenantUser alice = TestEnvironment.newUser("Alice Shared");
    DevTenantUser bob = TestEnvironment.newUser("Bob Shared");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, alice, "/");
    Page aliceForm = Journeys.openEditForm(browser, app, alice);
    String aliceCsrf = aliceForm.doc().selectFirst("input[name=_csrf]").attr("value");
    tenant.faults().next(Faults.Endpoint.GRAPH, Faults.graph(Faults.GraphFailure.UNAVAILABLE));
    Page interrupted =
        browser.settle(
            browser.submit(aliceForm, "form#profile-form", Map.of("city", "Wonderland-7")));
    assertNotEquals(200, interrupted.status(), "the save was interrupted: the draft is kept");

    // Alice walks away; Bob signs in on the same device (the tenant's own session ended first).
    browser.clearCookie("devtenant_sso");
    Journeys.signIn(browser, app, bob, "/");
    Page bobForm = Journeys.openEditForm(browser, app, bob);
    assertFalse(bobForm.body().contains("Wonderland-7"), "Alice's draft never reaches Bob");
    String bobCsrf = bobForm.doc().selectFirst("input[name=_csrf]").attr("value");
    assertNotEquals(aliceCsrf, bobCsrf, "a fresh CSRF token");
    assertEquals(
        403, browser.post(app + "/users/update", Map.of("_csrf", aliceCsrf, "city", "x")).status());
  }

  /** 8. CSRF: sign-out and edits need this session's token. */
  @Test
  void signOutAndUpdateRefuseMissingOrForeignCsrfTokens() throws IOException {
    DevTenantUser alice = TestEnvironment.newUser("Alice");
    DevTenantUser mallory = TestEnvironment.newUser("Mallory");
    Browser aliceBrowser = new Browser();
    Browser malloryBrowser = new Browser();
    Journeys.signIn(aliceBrowser, app, alice, "/");
    Page malloryHome = Journeys.signIn(malloryBrowser, app, mallory, "/");
    String malloryToken = malloryHome.doc().selectFirst("input[name=_csrf]").attr("value");

    assertEquals(403, aliceBrowser.post(app + "/auth/signout", Map.of()).status());
    assertEquals(
        403, aliceBrowser.post(app + "/auth/signout", Map.of("_csrf", malloryToken)).status());
    assertEquals(
        403,
        aliceBrowser
            .post(app + "/users/update", Map.of("_csrf", malloryToken, "displayName", "x"))
            .status());
    assertEquals(200, aliceBrowser.get(app + "/users/id").status(), "still signed in");
    assertEquals(405, aliceBrowser.get(app + "/auth/signout").status(), "sign-out is never a GET");
  }

  /** 9. Sign-out ends the server session: the old cookie no longer opens anything. */
  @Test
  void signOutInvalidatesTheServerSession() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Leaver");
    Browser browser = new Browser();
    Page home = Journeys.signIn(browser, app, user, "/");
    String session = browser.cookie("JSESSIONID").orElseThrow();
    String csrf = home.doc().selectFirst("input[name=_csrf]").attr("value");
    assertEquals(302, browser.post(app + "/auth/signout", Map.of("_csrf", csrf)).status());
    assertFalse(isSignedIn(session));
    assertEquals(
        302,
        browser.get(app + "/users/gatedUpdateProfile").status(),
        "Back to a protected page asks to sign in");
  }

  /**
   * 9b. Sign-out names the account to the tenant ({@code logout_hint}, the ID token's {@code
   * login_hint}), so the tenant signs out that account without asking which.
   */
  @Test
  void signOutTellsTheTenantWhichAccountToSignOut() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Hinted Leaver");
    Browser browser = new Browser();
    Page home = Journeys.signIn(browser, app, user, "/");
    String loginHint =
        browser.get(app + "/users/id").doc().select("tr").stream()
            .filter(row -> row.select("th").text().equals("login_hint"))
            .map(row -> row.select("td").text())
            .findFirst()
            .orElseThrow(() -> new AssertionError("the ID token carries login_hint"));
    long hinted = tenant.requests("logout.hinted");
    String csrf = home.doc().selectFirst("input[name=_csrf]").attr("value");
    Page signOut = browser.post(app + "/auth/signout", Map.of("_csrf", csrf));
    assertEquals(302, signOut.status());
    assertEquals(
        loginHint,
        SignInIT.query(signOut.location()).get("logout_hint"),
        "logout_hint in " + signOut.location());
    Page back = browser.settle(signOut);
    assertEquals(app + "/", back.uri().toString());
    assertEquals(hinted + 1, tenant.requests("logout.hinted"), "the tenant matched the account");
  }

  /**
   * 9c. A session ends a fixed time after sign-in however active it is (SESSION_LIFETIME_SECONDS,
   * here 10 s): then the user signs in again, and the old session id is worthless.
   */
  @Test
  void aSessionEndsAfterItsAbsoluteLifetimeEvenWhileInUse() throws Exception {
    try (EmbeddedTomcat shortLived =
        TestEnvironment.start(Map.of("SESSION_LIFETIME_SECONDS", "10"))) {
      String base = shortLived.baseUrl();
      DevTenantUser user = TestEnvironment.newUser("Short Lived");
      Browser browser = new Browser();
      // Taken before the sign-in, so it is never later than the moment the app counts from.
      long signedIn = System.nanoTime();
      Journeys.signIn(browser, base, user, "/");
      String cookie = browser.cookie("JSESSIONID").orElseThrow();
      assertEquals(200, browser.get(base + "/users/id").status(), "signed in at first");
      Page page;
      // Busy all along (a request every 200 ms), so only an absolute limit can end the session.
      long deadline = signedIn + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
      do {
        page = browser.get(base + "/users/id");
        Thread.sleep(200);
      } while (page.status() == 200 && System.nanoTime() < deadline);
      long lived = System.nanoTime() - signedIn;
      assertEquals(302, page.status(), "the session ended");
      assertTrue(page.location().contains("/auth/signin"), page.location());
      assertTrue(
          lived >= java.util.concurrent.TimeUnit.SECONDS.toNanos(10),
          "not before its lifetime: " + lived / 1_000_000 + " ms");
      Browser old = new Browser();
      old.setCookie(base, "JSESSIONID", cookie);
      assertEquals(302, old.get(base + "/users/id").status(), "the old id is worthless");
      // The tenant still knows the browser (its own session), so signing in again takes no form.
      Page again = browser.settle(browser.get(base + "/users/id"));
      assertEquals(base + "/users/id", again.uri().toString(), "signed in again");
      assertEquals(200, again.status(), again.text());
    }
  }

  /** 10. Cookie flags on the embedded app and on the real Tomcat and Jetty. */
  @Test
  void sessionCookieIsHttpOnlyLaxAndNeverInUrls() throws IOException {
    assertCookieFlags(app, false);
    DevTenantUser user = TestEnvironment.newUser("Cookie");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/users/gatedUpdateProfile");
    assertFalse(browser.history().isEmpty(), "the journey's responses are recorded");
    for (Page page : browser.history()) {
      assertFalse(page.body().toLowerCase().contains("jsessionid"), page.uri().toString());
      assertFalse(page.header("Location").orElse("").toLowerCase().contains("jsessionid"));
    }
  }

  @ParameterizedTest
  @EnumSource(ServerDistribution.Kind.class)
  void realServersSetTheSameCookieFlags(ServerDistribution.Kind kind) throws IOException {
    assertCookieFlags(TestEnvironment.distribution(kind).baseUrl("127.0.0.1"), false);
  }

  @Test
  void sessionCookieIsSecureWhenTheAppIsServedOverHttps() throws Exception {
    // Behind a TLS-terminating proxy the app itself sees http; the https REDIRECT_URI is what
    // counts.
    tenant.registerWebApp("https://app.example.test/auth/redirect", "https://app.example.test/");
    try (EmbeddedTomcat behindProxy =
        TestEnvironment.start(
            Map.of(
                "REDIRECT_URI",
                "https://app.example.test/auth/redirect",
                "POST_LOGOUT_REDIRECT_URI",
                "https://app.example.test/"))) {
      assertCookieFlags(behindProxy.baseUrl(), true);
      Page page = new Browser().get(behindProxy.baseUrl() + "/");
      assertEquals(
          "max-age=31536000",
          page.header("Strict-Transport-Security").orElse(""),
          "HSTS when the app is served over https");
    }
  }

  /**
   * Over https the cookie is a {@code __Host-} cookie (Secure, Path=/, no Domain): a sibling
   * subdomain cannot plant or overwrite it, even deployed under a context path.
   */
  @Test
  void sessionCookieHasTheHostPrefixOverHttpsEvenUnderAContextPath() throws Exception {
    tenant.registerWebApp(
        "https://app.example.test/edit/auth/redirect", "https://app.example.test/edit/");
    try (EmbeddedTomcat behindProxy =
        TestEnvironment.startAt(
            "/edit",
            Map.of(
                "REDIRECT_URI",
                "https://app.example.test/edit/auth/redirect",
                "POST_LOGOUT_REDIRECT_URI",
                "https://app.example.test/edit/"))) {
      String setCookie =
          sessionSetCookie(
              Journeys.signInBehindProxy(
                  new Browser(), behindProxy.baseUrl(), TestEnvironment.newUser("Host Cookie")));
      assertTrue(setCookie.startsWith("__Host-JSESSIONID="), setCookie);
      assertTrue(setCookie.contains("; Path=/;"), setCookie);
      assertFalse(setCookie.toLowerCase().contains("domain="), setCookie);
    }
  }

  /** The flags of the session cookie the callback sets, and of the pending sign-in's before it. */
  private static void assertCookieFlags(String base, boolean secure) throws IOException {
    Browser browser = new Browser();
    Page page = Journeys.signInBehindProxy(browser, base, TestEnvironment.newUser("Cookie Flags"));
    Page started = browser.history().get(0);
    String pending =
        started.headers().get("set-cookie").stream()
            .filter(c -> c.contains("signin-"))
            .findFirst()
            .orElseThrow();
    for (String setCookie : List.of(sessionSetCookie(page), pending)) {
      String flags = setCookie.toLowerCase();
      assertTrue(flags.contains("httponly"), setCookie);
      assertTrue(flags.contains("samesite=lax"), setCookie);
      assertTrue(flags.contains("path=/;") || flags.endsWith("path=/"), setCookie);
      assertEquals(secure, flags.contains("secure"), setCookie);
      assertEquals(secure, setCookie.startsWith("__Host-"), setCookie);
      assertFalse(flags.contains("domain="), setCookie);
    }
    assertEquals(302, page.status(), page.body());
    assertFalse(page.location().contains(";jsessionid"));
    assertFalse(started.location().contains(";jsessionid"));
  }

  private static String sessionSetCookie(Page page) {
    return page.setCookie("JSESSIONID")
        .or(() -> page.setCookie("__Host-JSESSIONID"))
        .orElseThrow(() -> new AssertionError("no session cookie: " + page.headers()));
  }

  /** 11. Security headers on every kind of page. */
  @Test
  void everyPageCarriesTheSecurityHeaders() throws IOException {
    URI authority = URI.create(tenant.authority());
    String tenantOrigin =
        authority.getScheme() + "://" + authority.getHost() + ":" + authority.getPort();
    DevTenantUser user = TestEnvironment.newUser("Headers");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    List<Page> pages = new ArrayList<>();
    for (String path :
        new String[] {
          "/", "/users/id", "/users/gatedUpdateProfile", "/no-such-page", "/auth/signout", "/health"
        }) {
      pages.add(browser.get(app + path));
    }
    pages.add(browser.post(app + "/users/update", Map.of()));
    for (Page page : pages) {
      String where = page.uri() + " " + page.status();
      String csp =
          page.header("Content-Security-Policy")
              .orElseThrow(() -> new AssertionError("CSP on " + where));
      assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), where);
      assertTrue(csp.contains("frame-ancestors 'none'"), where);
      assertTrue(csp.contains("base-uri 'none'"), where);
      // Forms may only go to this app, and on to the tenant (a step-up or sign-out redirect): its
      // authority and the pages its discovery document names (here on another port).
      assertEquals(
          java.util.Set.of("'self'", tenantOrigin, tenant.httpBase()),
          formAction(csp),
          where + ": " + csp);
      assertTrue(page.header("Strict-Transport-Security").isEmpty(), "no HSTS over http " + where);
      assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(""), where);
      assertEquals("DENY", page.header("X-Frame-Options").orElse(""), where);
      assertEquals("no-referrer", page.header("Referrer-Policy").orElse(""), where);
      assertEquals("no-store", page.header("Cache-Control").orElse(""), where);
    }
  }

  private static java.util.Set<String> formAction(String csp) {
    for (String directive : csp.split(";")) {
      List<String> words = List.of(directive.trim().split("\\s+"));
      if (words.get(0).equals("form-action")) {
        return java.util.Set.copyOf(words.subList(1, words.size()));
      }
    }
    throw new AssertionError("no form-action in " + csp);
  }

  /** 12. Hostile profile values are inert on every page. */
  @Test
  void scriptInProfileValuesIsRenderedInert() throws IOException {
    String payload = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
    DevTenantUser user = TestEnvironment.newUser(payload);
    tenant.directory().byOid(user.oid()).orElseThrow();
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    Page form = Journeys.openEditForm(browser, app, user);
    browser.settle(
        browser.submit(form, "form#profile-form", Map.of("givenName", payload, "city", payload)));
    for (String path :
        new String[] {
          "/", "/users/id", "/users/gatedUpdateProfile", "/users/updateProfile", "/no-such-page"
        }) {
      Page page = browser.get(app + path);
      assertFalse(page.body().contains("<script>alert(1)"), path);
      assertFalse(page.body().contains("<img src=x"), path);
      assertEquals("Signed in as " + payload, page.doc().selectFirst(".who").text(), path);
      assertTrue(
          page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
          path + " shows it as text");
      assertTrue(
          page.doc().select("script").stream().allMatch(s -> s.hasAttr("src")),
          path + ": no inline script");
    }
  }

  /** 13. Codes, tokens, secrets and one-time codes never reach the app's pages, URLs or logs. */
  @Test
  void noSecretInPagesUrlsOrLogsDuringAWholeJourney() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Leak Hunter");
    Browser browser = new Browser();
    try (LogCapture logs = LogCapture.start()) {
      Journeys.signIn(browser, app, user, "/users/id");
      browser.open(app + "/users/gatedUpdateProfile");
      Page form = Journeys.openEditForm(browser, app, user);
      Page saved =
          browser.settle(browser.submit(form, "form#profile-form", Map.of("city", "Nowhere")));
      String csrf = saved.doc().selectFirst("input[name=_csrf]").attr("value");
      browser.settle(browser.post(app + "/auth/signout", Map.of("_csrf", csrf)));

      List<String> secrets = tenant.issuedSecrets();
      assertTrue(secrets.size() > 8, "the journey issued codes and tokens");
      assertFalse(browser.history().isEmpty(), "the journey's responses are recorded");
      for (Page page : browser.history()) {
        if (!page.uri().toString().startsWith(app)) {
          continue;
        }
        for (String secret : secrets) {
          assertFalse(page.body().contains(secret), "secret in the body of " + page.uri());
          assertFalse(page.uri().toString().contains(secret), "secret in URL " + page.uri());
          assertFalse(
              page.header("Location").orElse("").contains(secret),
              "secret in a redirect from " + page.uri());
        }
      }
      assertFalse(logs.lines().isEmpty(), "the app logged the journey");
      for (String line : logs.lines()) {
        for (String secret : secrets) {
          assertFalse(line.contains(secret), "secret in log: " + line);
        }
        assertFalse(line.contains("Bearer ey"), line);
      }
    }
  }

  /** 14. The redirect URI is the configured one, whatever the request's host headers say. */
  @Test
  void redirectUriIgnoresHostAndForwardedHeaders() throws IOException {
    URI base = URI.create(app);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /auth/signin HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                  + "X-Forwarded-Proto: https\r\nForwarded: host=evil.example;proto=https\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String location =
          in.lines()
              .filter(l -> l.regionMatches(true, 0, "Location:", 0, 9))
              .findFirst()
              .orElseThrow();
      Map<String, String> query = SignInIT.query(location.substring(9).trim());
      assertEquals(app + "/auth/redirect", query.get("redirect_uri"));
    }
  }
}
