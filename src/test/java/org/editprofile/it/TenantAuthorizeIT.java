package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.Test;

/**
 * The dev tenant's authorize endpoint as a third client would find it: {@code prompt=none} never
 * shows a page (login_required without the tenant's session, interaction_required when the MFA a
 * policy asks is missing, a code otherwise), and the discovery document leaves out {@code
 * code_challenge_methods_supported} as Entra's do unless asked to name it.
 */
class TenantAuthorizeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTEXT_CLAIMS =
      "{\"id_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}";

  private final DevTenant tenant = TestEnvironment.tenant();
  private final String app = TestEnvironment.serviceApp().baseUrl();

  private String authorize(String prompt, String claims) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", tenant.webClientId());
    query.put("redirect_uri", app + "/auth/redirect");
    query.put("response_type", "code");
    query.put("response_mode", "query");
    query.put("scope", "openid profile");
    query.put("state", "silent-state");
    if (prompt != null) {
      query.put("prompt", prompt);
    }
    if (claims != null) {
      query.put("claims", claims);
    }
    StringBuilder url = new StringBuilder(tenant.layout().pageUrl("/oauth2/v2.0/authorize"));
    char separator = '?';
    for (Map.Entry<String, String> entry : query.entrySet()) {
      url.append(separator)
          .append(entry.getKey())
          .append('=')
          .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return url.toString();
  }

  /** The parameters of the redirect back to the app. */
  private Map<String, String> answer(Page page) {
    assertEquals(302, page.status(), "no page may be shown: " + page.text());
    URI back = URI.create(page.location());
    assertTrue(page.location().startsWith(app + "/auth/redirect?"), page.location());
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : back.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          pair.substring(0, eq),
          java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    assertEquals("silent-state", params.get("state"));
    return params;
  }

  @Test
  void promptNoneWithoutTheTenantsSessionIsLoginRequired() throws IOException {
    Map<String, String> params = answer(new Browser().get(authorize("none", null)));
    assertEquals("login_required", params.get("error"));
    assertTrue(params.get("error_description").startsWith("AADSTS50058"), params.toString());
  }

  @Test
  void promptNoneWhenThePolicyWantsMfaIsInteractionRequiredThenACodeOnceDone() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Silent Sign-In");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");

    Map<String, String> plain = answer(browser.get(authorize("none", null)));
    assertTrue(plain.containsKey("code"), "signed in, nothing more asked: " + plain);

    Map<String, String> context = answer(browser.get(authorize("none", CONTEXT_CLAIMS)));
    assertEquals("interaction_required", context.get("error"), context.toString());
    assertTrue(context.get("error_description").startsWith("AADSTS50076"), context.toString());

    Page mfa = browser.get(authorize("login", CONTEXT_CLAIMS));
    assertFalse(mfa.isRedirect(), "prompt=login shows the sign-in page again");
    Page code = Journeys.enterCredentials(browser, mfa, user);
    assertTrue(Journeys.isMfaPage(code), "the context's policy asks for the code: " + code.text());
    browser.submit(
        code, "form[action$=/mfa]", Map.of("otc", tenant.latestCode(user.email()).orElseThrow()));

    Map<String, String> after = answer(browser.get(authorize("none", CONTEXT_CLAIMS)));
    assertTrue(after.containsKey("code"), "MFA done in this tenant session: " + after);
  }

  /**
   * OpenID Connect's {@code max_age} (Core 3.1.2.1): a tenant session older than that counts as
   * none, so the user signs in again; a younger one goes straight on.
   */
  @Test
  void maxAgeAsksAnOlderSessionForTheCredentialsAgain() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Max Age");
    Browser browser = new Browser();
    tenant.backdateSignIns(java.time.Duration.ofMinutes(10));
    try {
      Journeys.signIn(browser, app, user, "/");
    } finally {
      tenant.backdateSignIns(java.time.Duration.ZERO);
    }
    Map<String, String> young = answer(browser.get(authorize("none", null) + "&max_age=3600"));
    assertTrue(young.containsKey("code"), "ten minutes is within an hour: " + young);
    Map<String, String> old = answer(browser.get(authorize("none", null) + "&max_age=300"));
    assertEquals("login_required", old.get("error"), old.toString());

    Page login = browser.get(authorize(null, null) + "&max_age=300");
    assertFalse(login.isRedirect(), "the sign-in page again");
    Map<String, String> fresh = answer(Journeys.enterCredentials(browser, login, user));
    assertTrue(fresh.containsKey("code"), fresh.toString());
    Map<String, String> now = answer(browser.get(authorize("none", null) + "&max_age=300"));
    assertTrue(now.containsKey("code"), "the new session is recent: " + now);
  }

  @Test
  void discoveryNamesCodeChallengeMethodsOnlyWhenAsked() throws IOException {
    String url = tenant.layout().tenantEndpoint("/v2.0/.well-known/openid-configuration");
    assertFalse(
        JSON.readTree(new Browser().get(url).body()).has("code_challenge_methods_supported"));
    try {
      tenant.advertiseCodeChallengeMethods(true);
      assertEquals(
          "S256",
          JSON.readTree(new Browser().get(url).body())
              .path("code_challenge_methods_supported")
              .path(0)
              .asText());
    } finally {
      tenant.advertiseCodeChallengeMethods(false);
    }
  }
}
