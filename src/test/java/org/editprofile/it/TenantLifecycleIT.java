package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.EntraError;
import org.editprofile.devtenant.Faults;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the user sees when the tenant answers a token request with one of Entra's lifecycle errors:
 * a refresh token that expired or was revoked, interaction_required, missing admin consent, an
 * on-behalf-of exchange that needs MFA, throttling and unavailability. Each ends on a clear page or
 * back where the user was, with what they typed kept, and never in a loop.
 */
class TenantLifecycleIT {

  private final DevTenant tenant = TestEnvironment.tenant();

  @AfterEach
  void reset() {
    tenant.faults().clear();
    tenant.setServiceConsent(true);
  }

  @Test
  void expiredRefreshTokenSendsTheUserToTheTenantAndBackToTheEditForm() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Expired Refresh");
    Browser browser = new Browser();
    String app = TestEnvironment.serviceApp().baseUrl();
    Journeys.signIn(browser, app, user, "/");
    tenant.expireRefreshTokens(user.oid());

    Page edit = browser.get(app + "/users/updateProfile");
    assertEquals(302, edit.status(), "AADSTS700082 means: to the tenant");
    assertTrue(edit.location().contains("/oauth2/v2.0/authorize"), edit.location());
    Page form = Journeys.completeMfa(browser, browser.settle(edit), user);
    assertTrue(form.doc().selectFirst("form#profile-form") != null, form.text());
  }

  @Test
  void revokedGrantAtSaveAsksForThePasswordAndKeepsTheDraft() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Revoked Grant");
    Browser browser = new Browser();
    String app = TestEnvironment.directApp().baseUrl();
    Journeys.signIn(browser, app, user, "/");
    Page form = Journeys.openEditForm(browser, app, user);
    tenant.revokeSignInSessions(user.oid());

    Page save = browser.submit(form, "form#profile-form", Map.of("city", "Revoked City"));
    assertEquals(302, save.status(), "AADSTS50173 means: to the tenant: " + save.text());
    Page login = browser.settle(save);
    assertTrue(
        login.doc().selectFirst("form[action$=/login]") != null,
        "the tenant's sessions were revoked: it asks for the password: " + login.text());
    Page back = Journeys.submitLogin(browser, login, user);
    // The MFA-scoped access token from before is still valid (Entra does not revoke access
    // tokens), so the edit form comes back without a second one-time code.
    assertFalse(Journeys.isMfaPage(back), back.text());
    assertEquals(
        "Revoked City", back.doc().selectFirst("#city").attr("value"), "the typed value is kept");
    Page saved = browser.settle(browser.submit(back, "form#profile-form", Map.of()));
    assertTrue(saved.text().contains("Your profile was updated."), saved.text());
    assertEquals(
        "Revoked City", tenant.directory().byOid(user.oid()).orElseThrow().snapshot().get("city"));
  }

  @Test
  void interactionRequiredOnRefreshIsAStepUpWithTheTenantsClaims() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Interaction Required");
    Browser browser = new Browser();
    String app = TestEnvironment.serviceApp().baseUrl();
    Journeys.signIn(browser, app, user, "/");
    tenant
        .faults()
        .next(
            Faults.Endpoint.TOKEN,
            Faults.REFRESH_TOKEN,
            Faults.tokenError(EntraError.onBehalfOfNeedsMfa()),
            1);

    Page edit = browser.get(app + "/users/updateProfile");
    assertEquals(302, edit.status(), "interaction_required is a step-up, not an error page");
    assertTrue(edit.location().contains("claims="), "the tenant's claims are passed on");
    Page form = Journeys.completeMfa(browser, browser.settle(edit), user);
    assertTrue(form.doc().selectFirst("form#profile-form") != null, form.text());
  }

  @Test
  void missingAdminConsentEndsOnAFriendlyPageWithoutALoop() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("No Consent");
    Browser browser = new Browser();
    String app = TestEnvironment.serviceApp().baseUrl();
    Journeys.signIn(browser, app, user, "/");
    tenant.setServiceConsent(false);
    long authorizes = tenant.requests("authorize");

    Page page = browser.open(app + "/users/updateProfile");
    assertEquals(403, page.status(), page.text());
    assertTrue(page.text().contains("An administrator has not yet granted"), page.text());
    assertFalse(page.text().contains("AADSTS"), "no raw tenant text");
    assertEquals(authorizes + 1, tenant.requests("authorize"), "one trip to the tenant, no loop");
  }

  @Test
  void onBehalfOfNeedingMfaStepsUpWithItsClaimsThenSaves() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Service Step Up");
    Browser browser = new Browser();
    String app = TestEnvironment.serviceApp().baseUrl();
    Journeys.signIn(browser, app, user, "/");
    Page form = Journeys.openEditForm(browser, app, user);
    tenant
        .faults()
        .next(
            Faults.Endpoint.TOKEN,
            Faults.ON_BEHALF_OF,
            Faults.tokenError(EntraError.onBehalfOfNeedsMfa()),
            1);

    Page save = browser.submit(form, "form#profile-form", Map.of("city", "Claims City"));
    assertEquals(302, save.status(), "the service's insufficient_claims became a step-up");
    assertTrue(save.location().contains("claims="), save.location());
    Page back = browser.settle(save);
    if (Journeys.isMfaPage(back)) {
      back = Journeys.completeMfa(browser, back, user);
    }
    assertEquals("Claims City", back.doc().selectFirst("#city").attr("value"), back.text());
    Page saved = browser.settle(browser.submit(back, "form#profile-form", Map.of()));
    assertTrue(saved.text().contains("Your profile was updated."), saved.text());
    assertEquals(
        "Claims City", tenant.directory().byOid(user.oid()).orElseThrow().snapshot().get("city"));
  }

  @Test
  void throttledTokenEndpointShowsWhenToRetryAndKeepsTheDraft() throws IOException {
    assertBusyTenantKeepsTheDraft(
        Faults.tokenThrottled(Duration.ofSeconds(7)), "try again in 7 seconds");
  }

  @Test
  void unavailableTokenEndpointShowsWhenToRetryAndKeepsTheDraft() throws IOException {
    assertBusyTenantKeepsTheDraft(
        Faults.tokenUnavailable(Duration.ofSeconds(5)), "try again in 5 seconds");
  }

  private void assertBusyTenantKeepsTheDraft(Faults.Fault fault, String advice) throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Busy Tenant");
    Browser browser = new Browser();
    // The direct path asks the tenant for a User.ReadWrite token at save time.
    String app = TestEnvironment.directApp().baseUrl();
    Journeys.signIn(browser, app, user, "/");
    Page form = Journeys.openEditForm(browser, app, user);
    tenant.faults().next(Faults.Endpoint.TOKEN, Faults.REFRESH_TOKEN, fault, 1);

    Page busy = browser.submit(form, "form#profile-form", Map.of("city", "Busy City"));
    assertEquals(503, busy.status(), busy.text());
    assertTrue(busy.text().contains(advice), busy.text());
    assertTrue(busy.header("Retry-After").isPresent());
    Page draft = browser.open(app + "/users/updateProfile");
    assertEquals("Busy City", draft.doc().selectFirst("#city").attr("value"), draft.text());
  }
}
