package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Faults;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The account's facts on the profile page, and the password change behind the step-up: every
 * refusal a clear message on an empty form (nothing typed ever comes back), Graph's throttling a
 * 429 that says to wait, and a change that keeps the session and makes the next sign-in need the
 * new password.
 */
class ChangePasswordIT {

  private final DevTenant tenant = TestEnvironment.tenant();
  private final String app = TestEnvironment.serviceApp().baseUrl();

  @AfterEach
  void clearFaults() {
    tenant.faults().clear();
  }

  /** Signed in, the step-up done: the empty password form. */
  private Page passwordForm(Browser browser, DevTenantUser user) throws IOException {
    Journeys.signIn(browser, app, user, "/");
    Page page = browser.open(app + "/users/changePassword");
    if (Journeys.isMfaPage(page)) {
      page = Journeys.completeMfa(browser, page, user);
    }
    assertEquals(app + "/users/changePassword", page.uri().toString(), page.text());
    assertTrue(page.doc().selectFirst("form#password-form") != null, page.text());
    return page;
  }

  private static Page change(
      Browser browser, Page form, String current, String proposed, String confirmation)
      throws IOException {
    return browser.submit(
        form,
        "form#password-form",
        Map.of(
            "currentPassword", current, "newPassword", proposed, "confirmPassword", confirmation));
  }

  private static void assertNothingTypedComesBack(Page page, String... typed) {
    for (String secret : typed) {
      assertFalse(page.body().contains(secret), "the page repeats what was typed: " + secret);
    }
    page.doc()
        .select("input[type=password]")
        .forEach(input -> assertEquals("", input.attr("value"), "an empty field: " + input));
  }

  @Test
  void theProfileShowsTheAccountsFactsAndOffersThePasswordChange() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Account Facts");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    Page profile = browser.open(app + "/users/gatedUpdateProfile");
    String text = profile.text();
    assertTrue(text.contains("Your account"), text);
    assertTrue(text.contains("Customer since"), text);
    assertTrue(text.contains("Password last changed"), text);
    assertTrue(text.contains("your email address " + user.email()), text);
    assertFalse(text.contains("@" + tenant.layout().tenantDomain()), "no user principal name");
    assertTrue(profile.doc().selectFirst("a[href$=/users/changePassword]") != null);
  }

  @Test
  void refusedPasswordsEachSayWhyOnAnEmptyForm() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Refused Passwords");
    Browser browser = new Browser();
    Page form = passwordForm(browser, user);
    long posts = tenant.requests("graph.post");

    Page wrong = change(browser, form, "Not-The-Password-1", "Fresh-Pass-22", "Fresh-Pass-22");
    assertEquals(400, wrong.status(), wrong.text());
    assertTrue(wrong.text().contains("The current password is not correct."), wrong.text());
    assertNothingTypedComesBack(wrong, "Not-The-Password-1", "Fresh-Pass-22");
    assertEquals(posts + 1, tenant.requests("graph.post"), "Graph decided");

    Page weak = change(browser, wrong, user.password(), "alllowercase", "alllowercase");
    assertEquals(400, weak.status());
    assertTrue(weak.text().contains("at least 3 of"), weak.text());
    Page mismatch = change(browser, weak, user.password(), "Fresh-Pass-22", "Fresh-Pass-23");
    assertEquals(400, mismatch.status());
    assertTrue(mismatch.text().contains("are not the same"), mismatch.text());
    assertNothingTypedComesBack(mismatch, user.password(), "Fresh-Pass-22", "Fresh-Pass-23");
    assertEquals(posts + 1, tenant.requests("graph.post"), "the app's own checks ask no one");
    assertTrue(
        tenant.directory().authenticate(user.email(), user.password()).isPresent(),
        "the password is unchanged");
  }

  @Test
  void throttlingSaysToWaitAndChangesNothing() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Throttled Password");
    Browser browser = new Browser();
    Page form = passwordForm(browser, user);
    tenant
        .faults()
        .next(Faults.Endpoint.GRAPH, null, Faults.graphThrottle(Duration.ofSeconds(60)), 2);
    Page throttled = change(browser, form, user.password(), "Fresh-Pass-22", "Fresh-Pass-22");
    assertEquals(429, throttled.status(), throttled.text());
    assertTrue(throttled.text().contains("Too many attempts"), throttled.text());
    assertNothingTypedComesBack(throttled, user.password(), "Fresh-Pass-22");
    assertTrue(tenant.directory().authenticate(user.email(), user.password()).isPresent());
  }

  @Test
  void aChangeKeepsTheSessionAndTheNextSignInNeedsTheNewPassword() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("New Password");
    Browser browser = new Browser();
    Page form = passwordForm(browser, user);

    Page changed =
        browser.settle(change(browser, form, user.password(), "Fresh-Pass-22", "Fresh-Pass-22"));
    assertEquals(app + "/users/gatedUpdateProfile", changed.uri().toString(), changed.text());
    assertTrue(changed.text().contains("Your password was changed."), changed.text());
    assertEquals(200, browser.open(app + "/users/id").status(), "still signed in");

    assertFalse(tenant.directory().authenticate(user.email(), user.password()).isPresent());
    Browser later = new Browser();
    Page login = Journeys.openSignIn(later, app, "/");
    Page oldPassword = Journeys.enterCredentials(later, login, user);
    assertFalse(oldPassword.isRedirect(), "the old password no longer signs in");
    Page home =
        Journeys.submitLogin(
            later, oldPassword, new DevTenantUser(user.email(), "Fresh-Pass-22", user.oid()));
    assertTrue(home.text().contains("Hi New Password!"), home.text());
  }

  @Test
  void withoutTheStepUpAPostChangesNothingAndTheFormAsksAgain() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Unverified Post");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    String csrf = browser.open(app + "/").doc().selectFirst("input[name=_csrf]").attr("value");
    Page post =
        browser.post(
            app + "/users/changePassword",
            Map.of(
                "_csrf",
                csrf,
                "currentPassword",
                user.password(),
                "newPassword",
                "Fresh-Pass-22",
                "confirmPassword",
                "Fresh-Pass-22"));
    assertEquals(302, post.status(), post.text());
    assertTrue(post.location().contains("/oauth2/v2.0/authorize"), post.location());
    Page form = Journeys.completeMfa(browser, browser.settle(post), user);
    assertTrue(form.text().contains("Enter your passwords again"), form.text());
    assertNothingTypedComesBack(form, user.password(), "Fresh-Pass-22");
    assertTrue(tenant.directory().authenticate(user.email(), user.password()).isPresent());

    Page noToken = browser.post(app + "/users/changePassword", Map.of("currentPassword", "x"));
    assertEquals(403, noToken.status(), "no CSRF token, no change");
  }
}
