package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Faults;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Faults of the tenant and Graph, concurrent users, and bounded input, against the running app. */
class FaultsAndLoadIT {

  private final DevTenant tenant = TestEnvironment.tenant();

  @AfterEach
  void reset() {
    tenant.faults().clear();
  }

  private static long secondsSince(Instant start) {
    return Duration.between(start, Instant.now()).toSeconds();
  }

  @Test
  void tenantDownGivesAClearPageQuickly() throws Exception {
    int closedPort = EmbeddedTomcat.freePort();
    try (EmbeddedTomcat app =
        TestEnvironment.start(
            Map.of(
                "AUTHORITY",
                "https://127.0.0.1:" + closedPort + "/" + DevTenant.TENANT_ID + "/v2.0/"))) {
      Instant start = Instant.now();
      Page page = new Browser().get(app.baseUrl() + "/auth/signin");
      assertEquals(503, page.status());
      assertTrue(page.text().contains("Sign-in service unavailable"), page.text());
      assertFalse(page.body().contains("Exception"));
      assertTrue(secondsSince(start) < 5, "answered within the connect timeout");
    }
  }

  @Test
  void slowTenantAndSlowGraphHitTheReadTimeoutAndTheSessionStillWorks() throws Exception {
    try (EmbeddedTomcat app = TestEnvironment.start(Map.of("HTTP_READ_TIMEOUT_MS", "1000"))) {
      DevTenantUser user = TestEnvironment.newUser("Patient");
      Browser browser = new Browser();
      Page login = Journeys.openSignIn(browser, app.baseUrl(), "/");
      tenant.faults().always(Faults.Endpoint.TOKEN, Faults.delay(Duration.ofSeconds(4)));
      Instant start = Instant.now();
      Page page = Journeys.submitLogin(browser, login, user);
      assertEquals(503, page.status(), page.text());
      assertTrue(secondsSince(start) < 4, "bounded by the read timeout");
      tenant.faults().clear();

      // The tenant still has the browser's single sign-on session: signing in again just works.
      Page again = browser.open(app.baseUrl() + "/auth/signin");
      assertTrue(again.text().contains("Hi Patient!"), again.text());
      tenant.faults().next(Faults.Endpoint.GRAPH, Faults.delay(Duration.ofSeconds(4)));
      start = Instant.now();
      Page slowGraph = browser.get(app.baseUrl() + "/users/gatedUpdateProfile");
      assertEquals(502, slowGraph.status());
      assertTrue(secondsSince(start) < 4);
      assertEquals(
          200,
          browser.get(app.baseUrl() + "/users/gatedUpdateProfile").status(),
          "session still usable");

      // A token refresh (forced by Graph's claims challenge) against a slow tenant: a clear page,
      // not a pointless trip to the tenant's sign-in page.
      tenant
          .faults()
          .next(Faults.Endpoint.GRAPH, Faults.graph(Faults.GraphFailure.CLAIMS_CHALLENGE));
      tenant.faults().always(Faults.Endpoint.TOKEN, Faults.delay(Duration.ofSeconds(4)));
      start = Instant.now();
      Page slowRefresh = browser.get(app.baseUrl() + "/users/gatedUpdateProfile");
      assertEquals(503, slowRefresh.status(), slowRefresh.text());
      assertTrue(secondsSince(start) < 4);
      tenant.faults().clear();
    }
  }

  @Test
  void connectionResetByGraphGivesAClearPageAndLeaksNoThreads() throws Exception {
    try (ServerSocket resetter = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      Thread acceptor =
          new Thread(
              () -> {
                while (!resetter.isClosed()) {
                  try (Socket socket = resetter.accept()) {
                    socket.setSoLinger(true, 0);
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      try (EmbeddedTomcat app =
          TestEnvironment.start(
              Map.of("GRAPH_API_ENDPOINT", "https://127.0.0.1:" + resetter.getLocalPort() + "/"))) {
        DevTenantUser user = TestEnvironment.newUser("Reset");
        Browser browser = new Browser();
        Journeys.signIn(browser, app.baseUrl(), user, "/");
        assertEquals(502, browser.get(app.baseUrl() + "/users/gatedUpdateProfile").status());
        int threadsBefore = Thread.activeCount();
        for (int i = 0; i < 30; i++) {
          Page page = browser.get(app.baseUrl() + "/users/gatedUpdateProfile");
          assertEquals(502, page.status());
          assertTrue(page.text().contains("could not be reached"));
        }
        assertTrue(
            Thread.activeCount() <= threadsBefore + 5,
            "threads " + threadsBefore + " -> " + Thread.activeCount());
        assertEquals(
            200, browser.get(app.baseUrl() + "/users/id").status(), "session still usable");
      }
    }
  }

  /** Fifty users, each in their own session, doing the whole journey at once. */
  @Test
  void fiftyConcurrentUsersEachKeepExactlyTheirOwnEdits() throws Exception {
    ConcurrentEdits.run(tenant, TestEnvironment.serviceApp().baseUrl(), 50);
  }

  @Test
  void oversizedBodiesAndHeadersAreRefused() throws IOException {
    String app = TestEnvironment.serviceApp().baseUrl();
    DevTenantUser user = TestEnvironment.newUser("Big Body");
    Browser browser = new Browser();
    Page home = Journeys.signIn(browser, app, user, "/");
    String csrf = home.doc().selectFirst("input[name=_csrf]").attr("value");
    long patches = tenant.requests("graph.patch");
    Page big =
        browser.post(
            app + "/users/update", Map.of("_csrf", csrf, "streetAddress", "a".repeat(200_000)));
    assertEquals(413, big.status());
    assertEquals(patches, tenant.requests("graph.patch"));
    Page hugeHeader =
        browser.send(
            HttpRequest.newBuilder(URI.create(app + "/")).header("X-Padding", "p".repeat(20_000)));
    assertEquals(
        400, hugeHeader.status() == 431 ? 400 : hugeHeader.status(), "refused by the container");
    assertEquals(200, browser.get(app + "/users/id").status(), "session still usable");
  }

  /**
   * A chunked body has no Content-Length to check up front. Browsers always send one with a form,
   * so a form route answers a body without it with 411, before anything reads it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/users/update", "/auth/signout", "/auth/redirect"})
  void chunkedFormBodiesAreRefusedBeforeAnythingReadsThem(String route) throws IOException {
    String app = TestEnvironment.serviceApp().baseUrl();
    DevTenantUser user = TestEnvironment.newUser("Chunked Body");
    Browser browser = new Browser();
    Page home = Journeys.signIn(browser, app, user, "/");
    String csrf = home.doc().selectFirst("input[name=_csrf]").attr("value");
    long patches = tenant.requests("graph.patch");
    byte[] body =
        ("_csrf=" + csrf + "&streetAddress=" + "a".repeat(3_000_000))
            .getBytes(StandardCharsets.UTF_8);
    Page chunked =
        browser.send(
            HttpRequest.newBuilder(URI.create(app + route))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body))));
    assertEquals(411, chunked.status(), chunked.text());
    assertTrue(chunked.text().contains("Length required"), chunked.text());
    assertEquals(patches, tenant.requests("graph.patch"));
    assertEquals(200, browser.get(app + "/users/id").status(), "still signed in");
  }

  /**
   * 50,000 cookieless sign-in requests (each used to leave a session behind) leave no server state
   * at all: each pending sign-in travels in its own sealed cookie, so no session is created, and a
   * visitor who started signing in before the flood signs in without being sent round again.
   */
  @Test
  void fiftyThousandCookielessSignInsLeaveNoSessionBehind() throws Exception {
    try (EmbeddedTomcat own = TestEnvironment.start(Map.of())) {
      String app = own.baseUrl();
      DevTenantUser early = TestEnvironment.newUser("Early Visitor");
      Browser earlyBrowser = new Browser();
      Page login = Journeys.openSignIn(earlyBrowser, app, "/users/id");
      long heapBefore = usedHeapAfterGc();
      int before = own.sessionIdleTimeouts().size();
      for (int i = 0; i < 100; i++) {
        Page stray = new Browser().get(app + "/auth/redirect?state=s" + i + "&code=c");
        assertTrue(stray.header("Set-Cookie").isEmpty(), "a stray callback creates no session");
      }
      assertEquals(before, own.sessionIdleTimeouts().size());

      int flood = CookielessSignIns.flood(List.of(app), 50_000);
      assertEquals(0, flood, "refused, or given a session");
      System.out.printf(
          "50,000 cookieless sign-ins: %d sessions, heap +%d MB after a full GC%n",
          own.sessionIdleTimeouts().size() - before,
          (usedHeapAfterGc() - heapBefore) / (1024 * 1024));
      assertEquals(before, own.sessionIdleTimeouts().size(), "no session for any visitor");

      // The early visitor's pending sign-in was never at risk: straight back, no restart.
      Page landed = Journeys.submitLogin(earlyBrowser, login, early);
      assertEquals(200, landed.status(), landed.text());
      assertEquals(app + "/users/id", landed.uri().toString());
      assertTrue(
          earlyBrowser.history().stream().noneMatch(p -> p.uri().toString().contains("restart")),
          "no automatic restart");
      assertTrue(
          own.sessionIdleTimeouts().contains(1800), "a signed-in session: the usual 30 minutes");
    }
  }

  private static long usedHeapAfterGc() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  @Test
  void aFloodOfSignInsDoesNotGrowTheSessionWithoutLimit() throws IOException {
    String app = TestEnvironment.serviceApp().baseUrl();
    Browser browser = new Browser();
    String firstState = SignInIT.query(browser.get(app + "/auth/signin").location()).get("state");
    for (int i = 0; i < 100; i++) {
      assertEquals(302, browser.get(app + "/auth/signin").status());
    }
    long tokenCalls = tenant.requests("token");
    Page page = browser.get(app + "/auth/redirect?state=" + firstState + "&code=x");
    assertEquals(400, page.status(), "the oldest pending sign-in was dropped: " + page.text());
    assertEquals(tokenCalls, tenant.requests("token"));
  }
}
