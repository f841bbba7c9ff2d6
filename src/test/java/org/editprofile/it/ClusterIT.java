package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The same WAR as a cluster: a real Tomcat 11 and a real Jetty 12 sharing sessions in Debian's
 * redis-server, behind Debian's haproxy doing plain round robin (nothing sticky), so every request
 * of a journey lands on the other node and a session written by one container is read by the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final DevTenant tenant = TestEnvironment.tenant();
  private static RedisServer redis;
  private static ServerDistribution tomcat;
  private static ServerDistribution jetty;
  private static Haproxy haproxy;
  private static String app;
  private static String clientSecret;

  @BeforeAll
  static void startCluster() throws Exception {
    redis = new RedisServer().start();
    int lbPort = EmbeddedTomcat.freePort();
    app = "http://localhost:" + lbPort;
    tenant.registerWebApp(app + "/auth/redirect", app + "/");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Map<String, String> settings = new HashMap<>(EmbeddedTomcat.settingsFor(tenant, app));
    settings.put("SESSION_STORE_URL", redis.url());
    settings.put("SESSION_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
    settings.putAll(EmbeddedTomcat.accountSettingsFor(tenant));
    clientSecret = settings.get("CLIENT_SECRET");
    // The web app calls the edit profile service on the node that outlives the others below (a
    // call through the balancer would take a turn of its round robin from the browser).
    int jettyPort = EmbeddedTomcat.freePort();
    settings.put("EDIT_PROFILE_API_URL", "http://127.0.0.1:" + jettyPort + "/api/updateUserInfo");
    tomcat = start(ServerDistribution.Kind.TOMCAT, EmbeddedTomcat.freePort(), settings);
    jetty = start(ServerDistribution.Kind.JETTY, jettyPort, settings);
    haproxy = Haproxy.start(lbPort, Map.of("tomcat", tomcat.port(), "jetty", jetty.port()));
  }

  private static ServerDistribution start(
      ServerDistribution.Kind kind, int port, Map<String, String> settings) throws Exception {
    return ServerDistribution.start(
        kind,
        EmbeddedTomcat.builtWar(),
        port,
        settings,
        TestEnvironment.trustStore(),
        DevTenant.trustStorePassword());
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (AutoCloseable process : new AutoCloseable[] {haproxy, tomcat, jetty, redis}) {
      if (process != null) {
        process.close();
      }
    }
  }

  @Test
  @Order(1)
  void wholeJourneyWithEachRequestOnTheOtherNodeAndNoTokenInTheStore() throws Exception {
    DevTenantUser user = TestEnvironment.newUser("Barbara Liskov");
    Browser browser = new Browser();
    long keysBefore = redis.keyCount();
    Page login = Journeys.openSignIn(browser, app, "/");
    assertTrue(browser.cookie("JSESSIONID").isEmpty(), "a visitor has no session");
    assertEquals(keysBefore, redis.keyCount(), "and costs the store nothing");
    Page home = Journeys.submitLogin(browser, login, user);
    assertTrue(home.text().contains("Hi Barbara Liskov!"), home.text());
    String session = browser.cookie("JSESSIONID").orElseThrow();

    Page profile = browser.open(app + "/users/gatedUpdateProfile");
    assertEquals(200, profile.status(), profile.text());
    assertTrue(profile.text().contains(user.email()));
    Page form = Journeys.openEditForm(browser, app, user);
    assertNotEquals(session, browser.cookie("JSESSIONID").orElseThrow(), "new id after step-up");

    Page saved =
        browser.settle(
            browser.submit(
                form, "form#profile-form", Map.of("displayName", "B. Liskov", "city", "Boston")));
    assertTrue(saved.text().contains("Your profile was updated."), saved.text());
    assertTrue(saved.text().contains("Boston"), saved.text());

    // Nothing the tenant issued, and not the app's client secret, is in the store in clear.
    List<String> secrets = new ArrayList<>(tenant.issuedSecrets());
    secrets.add(clientSecret);
    List<byte[]> stored = redis.everything();
    assertFalse(stored.isEmpty(), "sessions are in the store");
    for (byte[] value : stored) {
      String text = new String(value, StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        assertFalse(text.contains(secret), "a secret in clear in the store");
      }
      assertFalse(text.contains("\"RefreshToken\""), "MSAL's cache in clear in the store");
    }

    String signedInSession = browser.cookie("JSESSIONID").orElseThrow();
    Page signedOut = browser.settle(browser.submit(saved, "form[action$=/auth/signout]", Map.of()));
    assertTrue(signedOut.uri().toString().startsWith(app), signedOut.uri().toString());
    assertTrue(
        stored(signedInSession).isEmpty()
            && redis.everything().stream()
                .noneMatch(
                    b -> new String(b, StandardCharsets.ISO_8859_1).contains(signedInSession)),
        "sign-out removed the session from the store");
    Page again = browser.get(app + "/users/gatedUpdateProfile");
    assertEquals(302, again.status());

    // Round robin with nothing sticky: each app response came from the other node than the last,
    // so the pending sign-in, the CSRF token, the step-up and the flash after the save were each
    // written by one container and read by the other.
    List<String> nodes = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (Page page : browser.history()) {
      if (page.uri().toString().startsWith(app)) {
        nodes.add(page.header("X-Served-By").orElseThrow());
        paths.add(page.uri().getPath());
      }
    }
    assertTrue(nodes.size() >= 8, nodes.toString());
    for (int i = 1; i < nodes.size(); i++) {
      assertNotEquals(nodes.get(i - 1), nodes.get(i), "request " + i + " of " + paths);
    }
    // The cookie keeps its flags with the store on, and never travels in a URL.
    List<String> cookies = new ArrayList<>();
    for (Page page : browser.history()) {
      page.setCookie("JSESSIONID").ifPresent(cookies::add);
      assertFalse(page.header("Location").orElse("").toLowerCase().contains("jsessionid"));
    }
    assertFalse(cookies.isEmpty());
    for (String cookie : cookies) {
      assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
    }
  }

  private List<byte[]> stored(String sessionId) {
    List<byte[]> matching = new ArrayList<>();
    for (byte[] value : redis.everything()) {
      if (new String(value, StandardCharsets.ISO_8859_1).endsWith(":" + sessionId)) {
        matching.add(value);
      }
    }
    return matching;
  }

  /**
   * Two tabs of one browser start a sign-in at the same moment, on the two nodes: both pending
   * sign-ins must survive (each is its own attribute), so both tabs come back signed in.
   */
  @Test
  @Order(2)
  void twoTabsSigningInAtOnceOnDifferentNodesBothSucceed() throws Exception {
    DevTenantUser user = TestEnvironment.newUser("Grace Murray");
    for (int attempt = 0; attempt < 5; attempt++) {
      Browser browser = new Browser();
      // A first request gives the browser its session, which both tabs then share.
      Page first = browser.get(app + "/auth/signin");
      assertEquals(302, first.status());
      ExecutorService tabs = Executors.newFixedThreadPool(2);
      CyclicBarrier together = new CyclicBarrier(2);
      List<Future<Page>> started = new ArrayList<>();
      for (String path : List.of("/users/id", "/users/gatedUpdateProfile")) {
        started.add(
            tabs.submit(
                () -> {
                  together.await(10, TimeUnit.SECONDS);
                  return browser.get(
                      app + "/auth/signin?redirectTo=" + java.net.URLEncoder.encode(path, "UTF-8"));
                }));
      }
      Page tab1 = started.get(0).get(30, TimeUnit.SECONDS);
      Page tab2 = started.get(1).get(30, TimeUnit.SECONDS);
      tabs.shutdown();
      assertNotEquals(
          tab1.header("X-Served-By").orElseThrow(), tab2.header("X-Served-By").orElseThrow());
      Page landed1 = Journeys.submitLogin(browser, browser.settle(tab1), user);
      assertEquals(app + "/users/id", landed1.uri().toString(), landed1.text());
      // The tenant remembers the user now: the second tab comes straight back.
      Page landed2 = browser.settle(tab2);
      assertEquals(app + "/users/gatedUpdateProfile", landed2.uri().toString(), landed2.text());
      assertTrue(landed2.text().contains(user.email()), landed2.text());
    }
  }

  /**
   * A save that needs the MFA step-up first, with each request on the other node: the draft kept by
   * one node, the step-up begun there, completed through another, and the form the third request
   * shows still holds what was typed.
   */
  @Test
  @Order(3)
  void aDraftKeptForTheStepUpSurvivesEveryRequestOnAnotherNode() throws Exception {
    DevTenantUser user = TestEnvironment.newUser("Karen Sparck Jones");
    Browser browser = new Browser();
    Page home = Journeys.signIn(browser, app, user, "/");
    String csrf = home.doc().selectFirst("input[name=_csrf]").attr("value");
    Page post =
        browser.post(
            app + "/users/update",
            Map.of("_csrf", csrf, "displayName", "K. Sparck Jones", "city", "Cambridge"));
    assertEquals(302, post.status(), post.body());
    assertTrue(post.location().contains("/oauth2/v2.0/authorize"), "the step-up, not a write");
    String keptBy = post.header("X-Served-By").orElseThrow();
    // One page in another tab first, so the callback and then the form land on the other node's
    // turn (strict round robin: the callback is on the node that kept the draft, the form is not).
    browser.get(app + "/");

    Page form = Journeys.completeMfa(browser, browser.settle(post), user);
    assertNotEquals(keptBy, form.header("X-Served-By").orElseThrow(), "read on the other node");
    assertEquals("K. Sparck Jones", form.doc().selectFirst("#displayName").attr("value"));
    assertEquals("Cambridge", form.doc().selectFirst("#city").attr("value"));
    assertTrue(form.text().contains("Your changes are kept"), form.text());
    Page saved = browser.settle(browser.submit(form, "form#profile-form", Map.of()));
    assertTrue(saved.text().contains("Your profile was updated."), saved.text());
    assertTrue(saved.text().contains("Cambridge"), saved.text());
  }

  /**
   * In steady state a signed-in page costs the store one read and no write (the access time moves
   * at most once a minute), whichever node serves it; a change is written once, not once more when
   * the request ends.
   */
  @Test
  @Order(4)
  void aSignedInPageReadsTheStoreOnceAndWritesNothing() throws Exception {
    DevTenantUser user = TestEnvironment.newUser("Frances Allen");
    Browser browser = new Browser();
    Page home = Journeys.signIn(browser, app, user, "/");
    assertTrue(home.text().contains("Hi Frances Allen!"), home.text());

    Map<String, Long> before = redis.counters();
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Page page = browser.get(app + "/users/id");
      assertEquals(200, page.status(), page.body());
      nodes.add(page.header("X-Served-By").orElseThrow());
    }
    Map<String, Long> after = redis.counters();
    assertEquals(2, new java.util.HashSet<>(nodes).size(), "both nodes served: " + nodes);
    assertEquals(4, delta(before, after, "cmdstat_hgetall"), "one read per page");
    for (String write : List.of("cmdstat_hmset", "cmdstat_hset", "cmdstat_pexpireat")) {
      assertEquals(0, delta(before, after, write), write + " for pages that change nothing");
    }
    assertEquals(0, delta(before, after, "cmdstat_exists"), "no check before a write not made");

    // A request that changes the session (a save that needs the step-up first keeps the draft and
    // the pending step-up): one read, one write of the changes, one check, although the session
    // is committed twice (at the redirect and when the request ends).
    String csrf = home.doc().selectFirst("input[name=_csrf]").attr("value");
    before = redis.counters();
    Page post =
        browser.post(app + "/users/update", Map.of("_csrf", csrf, "displayName", "F. Allen"));
    after = redis.counters();
    assertEquals(302, post.status(), post.body());
    assertTrue(post.location().contains("/oauth2/v2.0/authorize"), post.location());
    assertEquals(1, delta(before, after, "cmdstat_hgetall"), "the session read once");
    assertEquals(1, delta(before, after, "cmdstat_hmset"), "its changes written once");
    assertEquals(1, delta(before, after, "cmdstat_exists"), "checked once before the write");
  }

  private static long delta(Map<String, Long> before, Map<String, Long> after, String counter) {
    return after.getOrDefault(counter, 0L) - before.getOrDefault(counter, 0L);
  }

  /**
   * Whoever can write to Redis plants a value in a live session: a URL (the DNS gadget's part), a
   * serialized proxy, 20 nested sets, or bytes that are no value at all. Either node refuses to
   * read it: the request is served as signed out (the user signs in again), never a 500, and the
   * session is gone from the store; pages that need no session never notice.
   */
  @Test
  @Order(5)
  void aValuePlantedInTheStoreIsNeverReadAndTheSessionReadsAsSignedOut() throws Exception {
    Map<String, byte[]> planted = new LinkedHashMap<>();
    planted.put("a URL", javaSerialized(new java.net.URL("http://gadget.example/")));
    planted.put(
        "a proxy",
        javaSerialized(
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Comparable.class},
                (java.lang.reflect.InvocationHandler & java.io.Serializable)
                    (self, method, args) -> 0)));
    java.util.Set<Object> nested = new java.util.HashSet<>();
    java.util.Set<Object> current = nested;
    for (int i = 0; i < 20; i++) {
      java.util.Set<Object> inner = new java.util.HashSet<>();
      current.add(inner);
      current = inner;
    }
    planted.put("20 nested sets", javaSerialized(nested));
    planted.put("garbage", "no value at all".getBytes(StandardCharsets.UTF_8));

    DevTenantUser user = TestEnvironment.newUser("Mary Shaw");
    for (Map.Entry<String, byte[]> value : planted.entrySet()) {
      Browser browser = new Browser();
      Journeys.signIn(browser, app, user, "/");
      String id = browser.cookie("JSESSIONID").orElseThrow();
      String key = "edit-profile:session:sessions:" + id;
      assertTrue(redis.exists(key), "the session is in the store");
      redis.plant(key, "sessionAttr:auth.user", value.getValue());

      for (String node : List.of("first", "second")) {
        Page page = browser.get(app + "/users/id");
        assertEquals(
            302, page.status(), value.getKey() + " on the " + node + " node: " + page.body());
        assertTrue(page.location().contains("/auth/signin"), page.location());
      }
      assertFalse(redis.exists(key), value.getKey() + ": the unreadable session was deleted");
      assertEquals(200, browser.get(app + "/health").status());
      assertEquals(200, browser.get(app + "/").status());
      // Signing in again works (the tenant still knows the browser: no form this time).
      Page again = browser.settle(browser.get(app + "/auth/signin?redirectTo=%2Fusers%2Fid"));
      assertEquals(app + "/users/id", again.uri().toString(), value.getKey());
      assertEquals(200, again.status(), value.getKey() + ": " + again.text());
    }
  }

  private static byte[] javaSerialized(Object value) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  /**
   * 50,000 cookieless sign-ins on both nodes leave the store as it was (each pending sign-in is a
   * sealed cookie, not a session), and a user signed in before the flood is still signed in.
   */
  @Test
  @Order(6)
  void fiftyThousandCookielessSignInsLeaveTheStoreFlat() throws Exception {
    DevTenantUser user = TestEnvironment.newUser("Anita Borg");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    long keys = redis.keyCount();
    long memory = redis.counters().get("used_memory");

    int wrong =
        CookielessSignIns.flood(
            List.of("http://127.0.0.1:" + tomcat.port(), "http://127.0.0.1:" + jetty.port()),
            50_000);
    assertEquals(0, wrong, "refused, or given a session");

    long memoryAfter = redis.counters().get("used_memory");
    System.out.printf(
        "50,000 cookieless sign-ins on two nodes: store keys %d -> %d, used_memory %d -> %d%n",
        keys, redis.keyCount(), memory, memoryAfter);
    assertEquals(keys, redis.keyCount(), "no key for any visitor");
    assertTrue(memoryAfter - memory < 1024 * 1024, memory + " -> " + memoryAfter + " bytes");
    Page profile = browser.get(app + "/users/gatedUpdateProfile");
    assertEquals(200, profile.status(), "still signed in: " + profile.body());
    assertTrue(profile.text().contains(user.email()), profile.text());
  }

  /**
   * A deletion through the balancer: the session leaves the store, so the old cookie is signed out
   * on either node, and the customer's other session (read from the store by the other node) meets
   * the page that says the account no longer exists.
   */
  @Test
  @Order(7)
  void aDeletedAccountsSessionsEndInTheStoreOnEveryNode() throws Exception {
    DevTenantUser user = TestEnvironment.newUser("Deleted In Cluster");
    Browser other = new Browser();
    Journeys.signIn(other, app, user, "/");
    assertEquals(200, other.open(app + "/users/gatedUpdateProfile").status());

    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    Page page = browser.open(app + "/users/deleteAccount");
    if (Journeys.isMfaPage(page)) {
      page = Journeys.completeMfa(browser, page, user);
    }
    String session = browser.cookie("JSESSIONID").orElseThrow();
    Page goodbye =
        browser.settle(browser.submit(page, "form#delete-form", Map.of("confirmation", "DELETE")));
    assertTrue(goodbye.text().contains("Your account was deleted"), goodbye.text());
    assertTrue(tenant.directory().byOid(user.oid()).isEmpty());
    assertTrue(stored(session).isEmpty(), "the session left the store");
    for (int i = 0; i < 2; i++) {
      assertEquals(302, browser.get(app + "/users/gatedUpdateProfile").status(), "node " + i);
    }

    Page gone = other.open(app + "/users/gatedUpdateProfile");
    assertEquals(410, gone.status(), gone.text());
    assertEquals(302, other.get(app + "/users/gatedUpdateProfile").status(), "then signed out");
  }

  @Test
  @Order(10)
  void fiftyUsersAtOnceThroughTheBalancerEachKeepTheirOwnLastEdit() throws Exception {
    ConcurrentEdits.run(tenant, app, 50);
  }

  @Test
  @Order(11)
  void theStoreHangingGivesAClearPageInBoundedTimeAndTheSessionCarriesOnAfter() throws Exception {
    DevTenantUser user = TestEnvironment.newUser("Frances Allen");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    redis.freeze();
    try {
      for (int i = 0; i < 4; i++) {
        long started = System.nanoTime();
        Page down = browser.get(app + "/users/gatedUpdateProfile");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(503, down.status(), down.body());
        assertEquals("Temporarily unavailable", down.doc().selectFirst("h1").text());
        assertEquals("5", down.header("Retry-After").orElseThrow());
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "answered in " + took);
        // The page keeps what every page carries.
        assertTrue(
            down.header("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
            down.headers().toString());
        assertEquals("DENY", down.header("X-Frame-Options").orElse(""));
        assertEquals("no-store", down.header("Cache-Control").orElse(""));
        assertEquals("nosniff", down.header("X-Content-Type-Options").orElse(""));
      }
      Page health = browser.get(app + "/health/ready");
      assertEquals(503, health.status(), "not ready while the store hangs");
    } finally {
      redis.thaw();
    }
    Waits.forCondition(Duration.ofSeconds(30), () -> profileShows(browser, user), "recovery");

    // Stopped outright: refused at once, and no thread piles up on either node.
    long threadsBefore = threads(tomcat) + threads(jetty);
    redis.stop();
    try {
      for (int i = 0; i < 20; i++) {
        long started = System.nanoTime();
        Page down = browser.get(app + "/users/gatedUpdateProfile");
        assertEquals(503, down.status(), down.body());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);
      }
      long threadsAfter = threads(tomcat) + threads(jetty);
      assertTrue(threadsAfter - threadsBefore < 20, threadsBefore + " -> " + threadsAfter);
    } finally {
      redis.start();
    }
    // A new, empty store: the app works again by itself; the session it lost means a sign-in.
    Waits.forCondition(
        Duration.ofSeconds(30),
        () -> statusOf(browser, app + "/") == 200 && statusOf(browser, app + "/") == 200,
        "both nodes serving again");
    Page again = browser.get(app + "/users/gatedUpdateProfile");
    assertEquals(302, again.status(), again.body());
    assertTrue(again.location().contains("/auth/signin"), again.location());
  }

  private static int statusOf(Browser browser, String url) {
    try {
      return browser.get(url).status();
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  /** The server JVM's thread count, from /proc. */
  private static long threads(ServerDistribution server) throws java.io.IOException {
    for (String line :
        java.nio.file.Files.readAllLines(
            java.nio.file.Path.of("/proc", Long.toString(server.pid()), "status"))) {
      if (line.startsWith("Threads:")) {
        return Long.parseLong(line.substring("Threads:".length()).trim());
      }
    }
    throw new AssertionError("no thread count for " + server.pid());
  }

  private static boolean profileShows(Browser browser, DevTenantUser user) {
    try {
      Page page = browser.get(app + "/users/gatedUpdateProfile");
      return page.status() == 200 && page.text().contains(user.email());
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  @Order(12)
  void aNodeLostAfterTheStepUpAndBeforeTheSaveCostsNoSignInAndNoSecondCode() throws Exception {
    DevTenantUser user = TestEnvironment.newUser("Radia Perlman");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    Page form = Journeys.openEditForm(browser, app, user);
    long authorize = tenant.requests("authorize");
    long codes = tenant.requests("token.authorization_code");

    tomcat.close();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("displayName", "Radia J. Perlman");
    values.put("jobTitle", "Network engineer");
    Page saved = browser.settle(browser.submit(form, "form#profile-form", values));
    assertEquals(200, saved.status(), saved.text());
    assertTrue(saved.text().contains("Your profile was updated."), saved.text());
    assertTrue(saved.text().contains("Network engineer"), saved.text());
    assertEquals("jetty", saved.header("X-Served-By").orElseThrow());
    assertEquals(authorize, tenant.requests("authorize"), "no trip to the tenant's pages");
    assertEquals(codes, tenant.requests("token.authorization_code"), "no new sign-in");
  }
}
