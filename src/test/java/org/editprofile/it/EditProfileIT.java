package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Faults;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The heart of the app, on both paths (through the edit profile service, and straight to Graph):
 * sign in, profile, MFA step-up, edit, save, see the new values.
 */
class EditProfileIT {

  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of("service", TestEnvironment.serviceApp().baseUrl()),
        Arguments.of("direct", TestEnvironment.directApp().baseUrl()));
  }

  private final DevTenant tenant = TestEnvironment.tenant();

  @AfterEach
  void clearFaults() {
    tenant.faults().clear();
  }

  @ParameterizedTest(name = "{0} path")
  @MethodSource("paths")
  void editAfterMfaStepUpShowsTheNewValues(String path, String app) throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Grace Hopper");
    Browser browser = new Browser();
    Page home = Journeys.signIn(browser, app, user, "/");
    assertTrue(home.text().contains("Hi Grace Hopper!"));

    Page profile = browser.open(app + "/users/gatedUpdateProfile");
    assertEquals(200, profile.status());
    assertTrue(
        profile.text().contains(user.email()) && profile.text().contains(user.oid()),
        profile.text());

    Page edit = browser.open(app + "/users/updateProfile");
    assertTrue(Journeys.isMfaPage(edit), "the step-up asks for the one-time code: " + edit.text());
    String sessionBeforeMfa = browser.cookie("JSESSIONID").orElseThrow();
    Page form = Journeys.completeMfa(browser, edit, user);
    assertEquals(app + "/users/updateProfile", form.uri().toString(), "back on the edit page");
    assertFalse(
        sessionBeforeMfa.equals(browser.cookie("JSESSIONID").orElseThrow()),
        "new session id after step-up");

    long patches = tenant.requests("graph.patch");
    Page saved =
        browser.settle(
            browser.submit(
                form,
                "form#profile-form",
                Map.of(
                    "displayName",
                    "Rear Admiral Hopper",
                    "city",
                    "Arlington",
                    "jobTitle",
                    "Computer scientist")));
    assertEquals(app + "/users/gatedUpdateProfile", saved.uri().toString());
    assertTrue(saved.text().contains("Your profile was updated."), saved.text());
    assertTrue(
        saved.text().contains("Rear Admiral Hopper")
            && saved.text().contains("Arlington")
            && saved.text().contains("Computer scientist"),
        saved.text());
    assertEquals(patches + 1, tenant.requests("graph.patch"));
    Map<String, String> stored = tenant.directory().byOid(user.oid()).orElseThrow().snapshot();
    assertEquals("Rear Admiral Hopper", stored.get("displayName"));
    assertEquals("Arlington", stored.get("city"));
    assertNull(stored.get("surname"), "unchanged fields are not sent");

    Page again = browser.open(app + "/users/updateProfile");
    assertFalse(Journeys.isMfaPage(again), "no second step-up while the MFA session lasts");
    assertEquals("Rear Admiral Hopper", again.doc().selectFirst("#displayName").attr("value"));
  }

  @ParameterizedTest(name = "{0} path")
  @MethodSource("paths")
  void aSecondUsersEditNeverTouchesTheFirst(String path, String app) throws IOException {
    DevTenantUser first = TestEnvironment.newUser("First User");
    DevTenantUser second = TestEnvironment.newUser("Second User");
    Browser one = new Browser();
    Browser two = new Browser();
    Journeys.signIn(one, app, first, "/");
    Journeys.signIn(two, app, second, "/");
    Page form = Journeys.openEditForm(two, app, second);
    two.settle(two.submit(form, "form#profile-form", Map.of("displayName", "Second Renamed")));
    assertEquals(
        "First User",
        tenant.directory().byOid(first.oid()).orElseThrow().snapshot().get("displayName"));
    assertEquals(
        "Second Renamed",
        tenant.directory().byOid(second.oid()).orElseThrow().snapshot().get("displayName"));
    Page firstProfile = one.open(app + "/users/gatedUpdateProfile");
    assertTrue(firstProfile.text().contains("First User"));
    assertFalse(firstProfile.text().contains("Second"), firstProfile.text());
  }

  /**
   * The save sends what the user changed in this form, compared with what the form showed, not with
   * Graph's profile now: a field changed in another tab since is left as that tab saved it.
   */
  @ParameterizedTest(name = "{0} path")
  @MethodSource("paths")
  void twoTabsSavingDifferentFieldsKeepBothChanges(String path, String app) throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Two Tabs");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    Page first = Journeys.openEditForm(browser, app, user);
    Page second = Journeys.openEditForm(browser, app, user);
    Page secondSaved =
        browser.settle(browser.submit(second, "form#profile-form", Map.of("city", "Tab City")));
    assertTrue(secondSaved.text().contains("Tab City"), secondSaved.text());

    long gets = tenant.requests("graph.get");
    long patches = tenant.requests("graph.patch");
    Page redirect = browser.submit(first, "form#profile-form", Map.of("displayName", "Tab Name"));
    assertEquals(302, redirect.status(), redirect.text());
    assertEquals(gets, tenant.requests("graph.get"), "the save reads no profile");
    assertEquals(patches + 1, tenant.requests("graph.patch"));
    Map<String, String> stored = tenant.directory().byOid(user.oid()).orElseThrow().snapshot();
    assertEquals("Tab Name", stored.get("displayName"));
    assertEquals("Tab City", stored.get("city"), "the other tab's change is not overwritten");

    Page unchanged = Journeys.openEditForm(browser, app, user);
    assertTrue(
        unchanged.doc().selectFirst("input[name=shown]").attr("value").contains("city=Tab+City"),
        "the form carries what it showed");
    gets = tenant.requests("graph.get");
    patches = tenant.requests("graph.patch");
    assertEquals(302, browser.submit(unchanged, "form#profile-form", Map.of()).status());
    assertEquals(gets, tenant.requests("graph.get"), "nothing changed: no Graph call at all");
    assertEquals(patches, tenant.requests("graph.patch"));
  }

  /**
   * A draft kept after a failed save remembers what its form showed: when the form comes back, a
   * field another device changed meanwhile, and the user did not touch, is still not written back.
   */
  @ParameterizedTest(name = "{0} path")
  @MethodSource("paths")
  void aDraftKeptAfterAFailedSaveStillSendsOnlyWhatTheUserChanged(String path, String app)
      throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Draft Keeper");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    Page form = Journeys.openEditForm(browser, app, user);
    tenant.faults().next(Faults.Endpoint.GRAPH, Faults.graphThrottle(Duration.ofSeconds(30)));
    Page throttled = browser.submit(form, "form#profile-form", Map.of("displayName", "Draft Name"));
    assertEquals(429, throttled.status(), throttled.text());

    Browser otherDevice = new Browser();
    Journeys.signIn(otherDevice, app, user, "/");
    Page elsewhere = Journeys.openEditForm(otherDevice, app, user);
    otherDevice.settle(
        otherDevice.submit(elsewhere, "form#profile-form", Map.of("city", "Elsewhere")));

    Page draft = browser.open(app + "/users/updateProfile");
    assertEquals("Draft Name", draft.doc().selectFirst("#displayName").attr("value"));
    assertEquals("", draft.doc().selectFirst("#city").attr("value"), "the draft as typed");
    Page saved = browser.settle(browser.submit(draft, "form#profile-form", Map.of()));
    assertTrue(saved.text().contains("Your profile was updated."), saved.text());
    Map<String, String> stored = tenant.directory().byOid(user.oid()).orElseThrow().snapshot();
    assertEquals("Draft Name", stored.get("displayName"));
    assertEquals("Elsewhere", stored.get("city"), "the other device's change stays");
  }

  @ParameterizedTest(name = "{0} path")
  @MethodSource("paths")
  void invalidInputKeepsWhatWasTypedAndSendsNothing(String path, String app) throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Valid Name");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    Page form = Journeys.openEditForm(browser, app, user);
    long patches = tenant.requests("graph.patch");
    Page page =
        browser.submit(
            form,
            "form#profile-form",
            Map.of(
                "displayName",
                "",
                "city",
                "Typed City",
                "preferredLanguage",
                "not a language",
                "givenName",
                "x".repeat(65)));
    assertEquals(400, page.status());
    assertTrue(page.text().contains("Display name is required."), page.text());
    assertTrue(page.text().contains("Preferred language must be a language tag"), page.text());
    assertTrue(page.text().contains("Given name must be at most 64 characters."), page.text());
    assertEquals("Typed City", page.doc().selectFirst("#city").attr("value"), "typed values kept");
    assertEquals(patches, tenant.requests("graph.patch"), "no Graph call");
  }

  @Test
  void editFormHasTheBrowserSideLimitsToo() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Limits");
    Browser browser = new Browser();
    String app = TestEnvironment.serviceApp().baseUrl();
    Journeys.signIn(browser, app, user, "/");
    Page form = Journeys.openEditForm(browser, app, user);
    assertEquals("256", form.doc().selectFirst("#displayName").attr("maxlength"));
    assertTrue(form.doc().selectFirst("#displayName").hasAttr("required"));
    assertEquals("64", form.doc().selectFirst("#givenName").attr("maxlength"));
    assertEquals("1024", form.doc().selectFirst("#streetAddress").attr("maxlength"));
    assertEquals("40", form.doc().selectFirst("#postalCode").attr("maxlength"));
  }

  @Test
  void postWithoutCsrfTokenIsRefusedAndGetIsNotAllowed() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Csrf Target");
    Browser browser = new Browser();
    String app = TestEnvironment.serviceApp().baseUrl();
    Journeys.signIn(browser, app, user, "/");
    Journeys.openEditForm(browser, app, user);
    long patches = tenant.requests("graph.patch");
    Page forged = browser.post(app + "/users/update", Map.of("displayName", "Hacked"));
    assertEquals(403, forged.status());
    Page wrongToken =
        browser.post(app + "/users/update", Map.of("displayName", "Hacked", "_csrf", "guess"));
    assertEquals(403, wrongToken.status());
    assertEquals(patches, tenant.requests("graph.patch"));
    assertEquals(405, browser.get(app + "/users/update").status());
  }

  @Test
  void withoutMfaTheFormIsNeverShownAndAPostNeverReachesGraph() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("No Mfa");
    Browser browser = new Browser();
    String app = TestEnvironment.serviceApp().baseUrl();
    Page home = Journeys.signIn(browser, app, user, "/");
    String csrf = home.doc().selectFirst("input[name=_csrf]").attr("value");
    Page edit = browser.get(app + "/users/updateProfile");
    assertEquals(302, edit.status(), "to the tenant for MFA");
    assertTrue(edit.location().contains("/oauth2/v2.0/authorize"));
    long patches = tenant.requests("graph.patch");
    Page invalid = browser.post(app + "/users/update", Map.of("_csrf", csrf, "displayName", ""));
    assertEquals(302, invalid.status(), "not even an error form without MFA: " + invalid.text());
    assertTrue(invalid.location().contains("/oauth2/v2.0/authorize"));
    Page post =
        browser.post(
            app + "/users/update",
            Map.of("_csrf", csrf, "displayName", "Kept Draft", "city", "Oslo"));
    assertEquals(302, post.status());
    assertTrue(post.location().contains("/oauth2/v2.0/authorize"), "step-up instead of a write");
    assertEquals(patches, tenant.requests("graph.patch"));

    // Completing MFA brings back the form with what was typed, then saving applies it.
    Page form = Journeys.completeMfa(browser, browser.settle(post), user);
    assertEquals("Kept Draft", form.doc().selectFirst("#displayName").attr("value"));
    assertEquals("Oslo", form.doc().selectFirst("#city").attr("value"));
    assertTrue(form.text().contains("Your changes are kept"), form.text());
    Page saved = browser.settle(browser.submit(form, "form#profile-form", Map.of()));
    assertTrue(saved.text().contains("Kept Draft") && saved.text().contains("Oslo"), saved.text());
  }

  @Test
  void graphFailuresGiveClearPagesAndKeepTheDraft() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Fault Finder");
    Browser browser = new Browser();
    String app = TestEnvironment.directApp().baseUrl();
    Journeys.signIn(browser, app, user, "/");
    Page form = Journeys.openEditForm(browser, app, user);

    // The save's PATCH (the save reads nothing first) is throttled briefly: retried once.
    tenant.faults().next(Faults.Endpoint.GRAPH, Faults.graphThrottle(Duration.ofSeconds(1)));
    Page retried =
        browser.settle(browser.submit(form, "form#profile-form", Map.of("city", "Retry Town")));
    assertTrue(
        retried.text().contains("Retry Town"),
        "a short Retry-After is honoured once: " + retried.text());

    form = Journeys.openEditForm(browser, app, user);
    tenant
        .faults()
        .next(Faults.Endpoint.GRAPH, null, Faults.graphThrottle(Duration.ofSeconds(30)), 3);
    Page throttled = browser.submit(form, "form#profile-form", Map.of("city", "Busy Town"));
    assertEquals(429, throttled.status());
    assertTrue(throttled.text().contains("try again in 30 seconds"), throttled.text());
    tenant.faults().clear();
    Page draft = browser.open(app + "/users/updateProfile");
    assertEquals(
        "Busy Town", draft.doc().selectFirst("#city").attr("value"), "nothing typed is lost");

    tenant.faults().next(Faults.Endpoint.GRAPH, Faults.graph(Faults.GraphFailure.UNAVAILABLE));
    Page unavailable = browser.open(app + "/users/gatedUpdateProfile");
    assertEquals(502, unavailable.status());
    assertTrue(unavailable.text().contains("could not be reached"));
    assertFalse(unavailable.body().contains("serviceNotAvailable"), "no raw Graph body");

    tenant.faults().next(Faults.Endpoint.GRAPH, Faults.graph(Faults.GraphFailure.FORBIDDEN));
    Page forbidden = browser.open(app + "/users/gatedUpdateProfile");
    assertEquals(403, forbidden.status());
    assertTrue(forbidden.text().contains("not allowed"));

    tenant.faults().next(Faults.Endpoint.GRAPH, Faults.graph(Faults.GraphFailure.CLAIMS_CHALLENGE));
    Page challenged = browser.open(app + "/users/gatedUpdateProfile");
    assertEquals(
        200,
        challenged.status(),
        "a claims challenge is answered with a fresh token: " + challenged.text());

    Page fine = browser.open(app + "/users/gatedUpdateProfile");
    assertEquals(200, fine.status(), "the session still works after the faults");
  }

  @Test
  void graphRefusalOfAValueIsShownOnTheForm() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Graph Says No");
    Browser browser = new Browser();
    String app = TestEnvironment.serviceApp().baseUrl();
    Journeys.signIn(browser, app, user, "/");
    Page form = Journeys.openEditForm(browser, app, user);
    Map<String, String> values = new HashMap<>();
    // 40 characters pass our postalCode limit... Graph's is the same, so use a state with 128 code
    // points
    // that are 2 UTF-16 chars each: within our code-point limit, over Graph's char limit.
    values.put("state", "\uD83D\uDE00".repeat(100));
    Page page = browser.submit(form, "form#profile-form", values);
    assertEquals(400, page.status(), page.text());
    assertTrue(page.text().contains("State or province"), page.text());
    assertEquals("\uD83D\uDE00".repeat(100), page.doc().selectFirst("#state").attr("value"));
  }
}
