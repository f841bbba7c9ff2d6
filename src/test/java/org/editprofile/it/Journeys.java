package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.it.Browser.Page;

/**
 * The user's steps through the app and the tenant's pages, the one copy used by the integration
 * tests and the benchmarks.
 */
public final class Journeys {

  private Journeys() {}

  /** From the app's sign-in link to the tenant's sign-in page. */
  public static Page openSignIn(Browser browser, String appBase, String returnPath)
      throws IOException {
    Page page =
        browser.open(
            appBase
                + "/auth/signin?redirectTo="
                + URLEncoder.encode(returnPath, StandardCharsets.UTF_8));
    assertTrue(
        page.uri().getPath().endsWith("/oauth2/v2.0/authorize"), "at the tenant: " + page.uri());
    return page;
  }

  /** Signs in on the tenant's page and follows everything back to the app. */
  public static Page signIn(Browser browser, String appBase, DevTenantUser user, String returnPath)
      throws IOException {
    return submitLogin(browser, openSignIn(browser, appBase, returnPath), user);
  }

  /** Enters the user's email and password on the tenant's sign-in page and follows the answer. */
  public static Page submitLogin(Browser browser, Page login, DevTenantUser user)
      throws IOException {
    return browser.settle(enterCredentials(browser, login, user));
  }

  /** The tenant's answer to the credentials, not followed (its form_post page, or the MFA page). */
  public static Page enterCredentials(Browser browser, Page login, DevTenantUser user)
      throws IOException {
    return browser.submit(
        login, "form[action$=/login]", Map.of("email", user.email(), "password", user.password()));
  }

  /**
   * Signs in where the app's public address is not the one this test reaches (an https REDIRECT_URI
   * behind a TLS-terminating proxy): the tenant's form_post is posted to {@code base} instead, with
   * the pending sign-in's cookie as the proxy would pass it on (a {@code __Host-} cookie is never
   * sent over plain http by this browser). Returns the callback's answer.
   */
  public static Page signInBehindProxy(Browser browser, String base, DevTenantUser user)
      throws IOException {
    Page start = browser.get(base + "/auth/signin");
    String pending =
        start.headers().getOrDefault("set-cookie", java.util.List.of()).stream()
            .filter(c -> c.startsWith("__Host-signin-") || c.startsWith("signin-"))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no pending sign-in cookie: " + start.headers()));
    Page answer = enterCredentials(browser, browser.settle(browser.get(start.location())), user);
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (org.jsoup.nodes.Element input : answer.doc().select("form#response input[name]")) {
      fields.put(input.attr("name"), input.attr("value"));
    }
    assertTrue(fields.containsKey("code"), "the tenant's form_post: " + answer.body());
    return browser.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/auth/redirect"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", pending)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Browser.encode(fields))));
  }

  static boolean isMfaPage(Page page) {
    return page.doc().selectFirst("form[action$=/mfa]") != null;
  }

  /** Reads the one-time code from the shared dev tenant's mailbox and enters it. */
  static Page completeMfa(Browser browser, Page mfaPage, DevTenantUser user) throws IOException {
    return completeMfa(browser, mfaPage, TestEnvironment.tenant(), user);
  }

  /** Reads the one-time code from this dev tenant's mailbox and enters it. */
  public static Page completeMfa(
      Browser browser, Page mfaPage, DevTenant tenant, DevTenantUser user) throws IOException {
    assertTrue(
        isMfaPage(mfaPage),
        "expected the one-time-code page, got " + mfaPage.uri() + "\n" + mfaPage.text());
    String code = tenant.latestCode(user.email()).orElseThrow();
    return browser.settle(browser.submit(mfaPage, "form[action$=/mfa]", Map.of("otc", code)));
  }

  /** Opens the edit page, doing the MFA step-up when the tenant asks for it. */
  static Page openEditForm(Browser browser, String appBase, DevTenantUser user) throws IOException {
    Page page = browser.open(appBase + "/users/updateProfile");
    if (isMfaPage(page)) {
      page = completeMfa(browser, page, user);
    }
    assertEquals(200, page.status(), page.text());
    assertTrue(
        page.doc().selectFirst("form#profile-form") != null, "edit form shown: " + page.text());
    return page;
  }
}
