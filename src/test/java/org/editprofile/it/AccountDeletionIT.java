package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Faults;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Delete my account": behind the MFA gate, a typed confirmation word and a sign-in of the last
 * minutes (prompt=login when older), the service deletes the account with its application
 * permission, for the user its validated token names; this session ends here and at the tenant and
 * the home page says goodbye; the customer's other devices meet a page that says the account no
 * longer exists, then are simply signed out. Deleting twice, a throttled Graph and a save racing
 * the deletion each have their answer.
 */
class AccountDeletionIT {

  private static DevTenant tenant;
  private static EmbeddedTomcat app;

  @BeforeAll
  static void start() {
    tenant = TestEnvironment.tenant();
    app = TestEnvironment.start(EmbeddedTomcat.accountSettingsFor(tenant));
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  @AfterEach
  void reset() {
    tenant.faults().clear();
    tenant.backdateSignIns(Duration.ZERO);
  }

  /** Signs in and opens the deletion page, with the MFA step-up it asks for. */
  private static Page deletionPage(Browser browser, EmbeddedTomcat on, DevTenantUser user)
      throws IOException {
    Journeys.signIn(browser, on.baseUrl(), user, "/");
    return openDeletion(browser, on, user);
  }

  /** Opens the deletion page of a signed-in customer, with the MFA step-up it asks for. */
  private static Page openDeletion(Browser browser, EmbeddedTomcat on, DevTenantUser user)
      throws IOException {
    Page page = browser.open(on.baseUrl() + "/users/deleteAccount");
    if (Journeys.isMfaPage(page)) {
      page = Journeys.completeMfa(browser, page, user);
    }
    assertEquals(200, page.status(), page.text());
    assertNotNull(page.doc().selectFirst("form#delete-form"), page.text());
    return page;
  }

  private static Page confirm(Browser browser, Page page, String word) throws IOException {
    return browser.settle(browser.submit(page, "form#delete-form", Map.of("confirmation", word)));
  }

  private static boolean exists(DevTenantUser user) {
    return tenant.directory().byOid(user.oid()).isPresent();
  }

  @Test
  void theAccountIsDeletedTheSessionEndsAndTheHomePageSaysGoodbye() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Leaving Customer");
    Browser browser = new Browser();
    Journeys.signIn(browser, app.baseUrl(), user, "/");
    Page profile = browser.open(app.baseUrl() + "/users/gatedUpdateProfile");
    assertNotNull(profile.doc().selectFirst("a[href$=/users/deleteAccount]"), "the link shows");
    Page page = openDeletion(browser, app, user);
    assertTrue(page.text().contains("To confirm, type DELETE below."), page.text());

    Page wrong = confirm(browser, page, "delete my account");
    assertEquals(400, wrong.status(), wrong.text());
    assertTrue(wrong.text().contains("Nothing was deleted."), wrong.text());
    assertTrue(exists(user));

    long deletes = tenant.requests("graph.app.delete");
    long logouts = tenant.requests("logout");
    Page goodbye = confirm(browser, wrong, " delete ");
    assertEquals(200, goodbye.status(), goodbye.text());
    assertTrue(goodbye.text().contains("Your account was deleted"), goodbye.text());
    assertEquals(deletes + 1, tenant.requests("graph.app.delete"));
    assertEquals(logouts + 1, tenant.requests("logout"), "signed out at the tenant too");
    assertFalse(exists(user));
    assertTrue(
        tenant.directory().deletedItem(user.oid()).isPresent(), "kept for the restore window");

    // The old cookie is simply signed out; the goodbye shows once.
    Page after = browser.open(app.baseUrl() + "/users/gatedUpdateProfile");
    assertTrue(after.uri().getPath().endsWith("/oauth2/v2.0/authorize"), after.uri().toString());
    assertFalse(browser.open(app.baseUrl() + "/").text().contains("Your account was deleted"));
    // And the tenant refuses the deleted account's credentials.
    Page login = Journeys.enterCredentials(browser, after, user);
    assertNotNull(login.doc().selectFirst("form[action$=/login]"), "asked again: " + login.text());
    assertFalse(exists(user));
  }

  @Test
  void anOldSignInIsAskedForTheCredentialsAgainFirst() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Stale Sign In");
    tenant.backdateSignIns(Duration.ofMinutes(30));
    Browser browser = new Browser();
    Page page = deletionPage(browser, app, user);
    tenant.backdateSignIns(Duration.ZERO);

    long deletes = tenant.requests("graph.app.delete");
    Page atTenant = browser.submit(page, "form#delete-form", Map.of("confirmation", "DELETE"));
    assertEquals(302, atTenant.status(), atTenant.text());
    URI authorize = URI.create(atTenant.location());
    assertTrue(authorize.getQuery().contains("prompt=login"), authorize.toString());
    assertEquals(deletes, tenant.requests("graph.app.delete"), "nothing deleted yet");
    assertTrue(exists(user));

    // The tenant asks for the password again (and MFA), then the page asks for the word again.
    Page login = browser.settle(atTenant);
    assertNotNull(login.doc().selectFirst("form[action$=/login]"), login.text());
    Page back = Journeys.submitLogin(browser, login, user);
    if (Journeys.isMfaPage(back)) {
      back = Journeys.completeMfa(browser, back, user);
    }
    assertEquals(200, back.status(), back.text());
    assertTrue(back.text().contains("You signed in again."), back.text());
    Page goodbye = confirm(browser, back, "DELETE");
    assertTrue(goodbye.text().contains("Your account was deleted"), goodbye.text());
    assertFalse(exists(user));
  }

  @Test
  void theCustomersOtherDevicesLearnTheAccountIsGoneThenAreSignedOut() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Two Devices");
    Browser phone = new Browser();
    Journeys.signIn(phone, app.baseUrl(), user, "/");
    assertEquals(200, phone.open(app.baseUrl() + "/users/gatedUpdateProfile").status());
    Browser tablet = new Browser();
    Journeys.signIn(tablet, app.baseUrl(), user, "/");
    Page tabletForm = Journeys.openEditForm(tablet, app.baseUrl(), user);

    Browser laptop = new Browser();
    confirm(laptop, deletionPage(laptop, app, user), "DELETE");
    assertFalse(exists(user));

    Page gone = phone.open(app.baseUrl() + "/users/gatedUpdateProfile");
    assertEquals(410, gone.status(), gone.text());
    assertTrue(gone.text().contains("This account was deleted"), gone.text());
    Page next = phone.open(app.baseUrl() + "/users/gatedUpdateProfile");
    assertTrue(next.uri().getPath().endsWith("/oauth2/v2.0/authorize"), "signed out, no loop");

    // A save racing the deletion: the same page, nothing written anywhere.
    long patches = tenant.requests("graph.patch") + tenant.requests("graph.app.patch");
    Page raced =
        tablet.settle(
            tablet.submit(tabletForm, "form#profile-form", Map.of("city", "After Deletion")));
    assertEquals(410, raced.status(), raced.text());
    assertTrue(raced.text().contains("This account was deleted"), raced.text());
    assertEquals(patches, tenant.requests("graph.patch") + tenant.requests("graph.app.patch"));
  }

  @Test
  void aThrottledGraphLeavesTheAccountAndTheCustomerTriesAgain() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Throttled Deletion");
    Browser browser = new Browser();
    Page page = deletionPage(browser, app, user);
    tenant.faults().next(Faults.Endpoint.GRAPH, Faults.graphThrottle(Duration.ofSeconds(30)));
    Page throttled = confirm(browser, page, "DELETE");
    assertEquals(429, throttled.status(), throttled.text());
    assertTrue(throttled.text().contains("could not be deleted right now"), throttled.text());
    assertTrue(exists(user));
    Page goodbye = confirm(browser, throttled, "DELETE");
    assertTrue(goodbye.text().contains("Your account was deleted"), goodbye.text());
    assertFalse(exists(user));
  }

  @Test
  void inGermanTheWordIsGermanAndPurgeLeavesNothingToRestore() throws Exception {
    Map<String, String> settings = new HashMap<>(EmbeddedTomcat.accountSettingsFor(tenant));
    settings.put("ACCOUNT_DELETION", "purge");
    try (EmbeddedTomcat purging = TestEnvironment.start(settings)) {
      DevTenantUser user = TestEnvironment.newUser("Purged Customer");
      Browser browser = new Browser();
      browser.alwaysSend("Accept-Language", "de-DE,de");
      Page page = deletionPage(browser, purging, user);
      assertTrue(page.text().contains("LÖSCHEN"), page.text());
      assertEquals(400, confirm(browser, page, "DELETE").status(), "the page's language's word");
      Page goodbye = confirm(browser, page, "löschen");
      assertTrue(goodbye.text().contains("Ihr Konto wurde gelöscht"), goodbye.text());
      assertFalse(exists(user));
      assertTrue(tenant.directory().deletedItem(user.oid()).isEmpty(), "purged");
    }
  }

  @Test
  void offMeansNoLinkAndNoPage() throws Exception {
    Map<String, String> settings = new HashMap<>(EmbeddedTomcat.accountSettingsFor(tenant));
    settings.put("ACCOUNT_DELETION", "off");
    try (EmbeddedTomcat off = TestEnvironment.start(settings)) {
      DevTenantUser user = TestEnvironment.newUser("No Deletion");
      Browser browser = new Browser();
      Journeys.signIn(browser, off.baseUrl(), user, "/");
      Page profile = browser.open(off.baseUrl() + "/users/gatedUpdateProfile");
      assertNull(profile.doc().selectFirst("a[href$=/users/deleteAccount]"));
      assertEquals(404, browser.open(off.baseUrl() + "/users/deleteAccount").status());
      Page api =
          new Browser()
              .send(
                  HttpRequest.newBuilder(URI.create(off.baseUrl() + "/api/deleteAccount"))
                      .header("Authorization", "Bearer " + token(user, Instant.now()))
                      .POST(HttpRequest.BodyPublishers.noBody()));
      assertEquals(404, api.status());
      assertTrue(exists(user));
    }
  }

  /** A service token of the user's, signed by the tenant, with this auth_time. */
  private static String token(DevTenantUser user, Instant authTime) {
    return tenant.sign(
        tenant
            .accessTokenClaims(2, user.oid(), DevTenant.SERVICE_SCOPE_NAME)
            .claim("auth_time", Date.from(authTime))
            .build());
  }

  private static Page deleteThroughApi(String authorization, String query) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/deleteAccount" + query))
            .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"someone\"}"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return new Browser().send(request);
  }

  @Test
  void theServiceDeletesOnlyTheTokensUserAndOnlyAfterARecentSignIn() throws IOException {
    DevTenantUser caller = TestEnvironment.newUser("Api Caller");
    DevTenantUser victim = TestEnvironment.newUser("Api Victim");
    long deletes = tenant.requests("graph.app.delete");

    assertEquals(401, deleteThroughApi(null, "").status());
    assertEquals(401, deleteThroughApi("Bearer not-a-token", "").status());
    Page stale =
        deleteThroughApi("Bearer " + token(caller, Instant.now().minus(Duration.ofMinutes(6))), "");
    assertEquals(401, stale.status(), stale.body());
    assertTrue(
        stale.header("WWW-Authenticate").orElse("").contains("insufficient_user_authentication"));
    Page noAuthTime =
        deleteThroughApi(
            "Bearer "
                + tenant.sign(
                    tenant
                        .accessTokenClaims(2, caller.oid(), DevTenant.SERVICE_SCOPE_NAME)
                        .build()),
            "");
    assertEquals(401, noAuthTime.status());
    assertEquals(deletes, tenant.requests("graph.app.delete"), "nothing asked of Graph");
    assertEquals(405, new Browser().get(app.baseUrl() + "/api/deleteAccount").status());

    Page deleted =
        deleteThroughApi("Bearer " + token(caller, Instant.now()), "?oid=" + victim.oid());
    assertEquals(204, deleted.status(), deleted.body());
    assertFalse(exists(caller));
    assertTrue(exists(victim), "the body and the query name nobody");

    Page again = deleteThroughApi("Bearer " + token(caller, Instant.now()), "");
    assertEquals(404, again.status(), "deleting twice: the account no longer exists");
  }
}
