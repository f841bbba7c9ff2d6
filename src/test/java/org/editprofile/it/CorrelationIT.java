package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.DevTenant.Received;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.Test;

/**
 * One correlation id per request, followed from the browser through the app, the edit profile
 * service, the tenant and Graph: in each log line, on each outbound call as client-request-id, and
 * on the error page a customer would quote.
 */
class CorrelationIT {

  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final DevTenant tenant = TestEnvironment.tenant();

  private List<Received> receivedWith(String id) {
    return tenant.receivedRequestIds().stream()
        .filter(r -> r.clientRequestId().equals(id))
        .toList();
  }

  @Test
  void oneIdFromTheBrowserThroughAppServiceTenantAndGraph() throws IOException {
    String app = TestEnvironment.serviceApp().baseUrl();
    DevTenantUser user = TestEnvironment.newUser("Correlated");
    Browser browser = new Browser();

    // The sign-in: the callback's code redemption reaches the tenant under the callback's id.
    String signInId = UUID.randomUUID().toString();
    Page login = Journeys.openSignIn(browser, app, "/");
    browser.alwaysSend("X-Request-Id", signInId);
    Journeys.submitLogin(browser, login, user);
    assertTrue(
        receivedWith(signInId).stream()
            .anyMatch(r -> r.method().equals("POST") && r.path().endsWith("/oauth2/v2.0/token")),
        "the tenant logged the code redemption under " + signInId + ": " + receivedWith(signInId));

    // The save: app -> service -> tenant (on-behalf-of) -> Graph PATCH, all under one id.
    browser.alwaysSend("X-Request-Id", UUID.randomUUID().toString());
    Page form = Journeys.openEditForm(browser, app, user);
    String saveId = UUID.randomUUID().toString();
    browser.alwaysSend("X-Request-Id", saveId);
    try (LogCapture logs = LogCapture.start()) {
      Page saved =
          browser.submit(form, "form#profile-form", Map.of("displayName", "Followed Through"));
      assertEquals(saveId, saved.header("X-Request-Id").orElseThrow(), "echoed to the caller");
      assertEquals(
          "Followed Through",
          tenant.directory().byOid(user.oid()).orElseThrow().snapshot().get("displayName"));

      List<Received> calls = receivedWith(saveId);
      assertTrue(
          calls.stream()
              .anyMatch(r -> r.method().equals("POST") && r.path().endsWith("/oauth2/v2.0/token")),
          "the service's on-behalf-of exchange: " + calls);
      assertTrue(
          calls.stream().anyMatch(r -> r.method().equals("PATCH") && r.path().endsWith("/v1.0/me")),
          "the service's Graph PATCH: " + calls);

      List<String> lines =
          logs.lines().stream().filter(l -> l.contains("[" + saveId + "]")).toList();
      assertTrue(
          lines.stream().anyMatch(l -> l.contains("Profile updated on the user's behalf")),
          "the service's log line: " + lines);
      assertTrue(
          lines.stream().anyMatch(l -> l.contains("Profile updated:")),
          "the app's log line: " + lines);
    }
  }

  @Test
  void aRequestWithoutAnIdGetsOneAndItsErrorPageShowsItWithTheTime() throws IOException {
    Browser browser = new Browser();
    Page missing = browser.get(TestEnvironment.serviceApp().baseUrl() + "/no/such/page");
    assertEquals(404, missing.status());
    String id = missing.header("X-Request-Id").orElseThrow();
    assertTrue(GUID.matcher(id).matches(), id);
    String reference = missing.doc().selectFirst("p.reference").text();
    String prefix = "Reference: " + id + " · ";
    assertTrue(reference.startsWith(prefix) && reference.endsWith(" UTC"), reference);
    // The time in the page's language (English here), in UTC, to the second: now.
    Instant shown =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.ENGLISH)
            .withZone(ZoneOffset.UTC)
            .parse(
                reference.substring(prefix.length(), reference.length() - " UTC".length()),
                Instant::from);
    assertTrue(
        Duration.between(shown, Instant.now()).abs().compareTo(Duration.ofMinutes(2)) < 0,
        reference);
  }

  @Test
  void anOfferedIdThatIsNotAGuidIsNeitherEchoedNorLogged() throws IOException {
    Browser browser = new Browser().alwaysSend("X-Request-Id", "<script>forged</script>");
    try (LogCapture logs = LogCapture.start()) {
      Page page = browser.post(TestEnvironment.serviceApp().baseUrl() + "/users/update", Map.of());
      assertEquals(403, page.status(), "no CSRF token");
      String id = page.header("X-Request-Id").orElseThrow();
      assertTrue(GUID.matcher(id).matches(), id);
      assertFalse(page.body().contains("forged"), page.body());
      assertTrue(page.body().contains(id), "the reference on the refusal page");
      assertFalse(logs.lines().stream().anyMatch(l -> l.contains("forged")), "" + logs.lines());
      assertTrue(
          logs.lines().stream().anyMatch(l -> l.contains("[" + id + "]")),
          "the refusal was logged under the new id: " + logs.lines());
    }
  }
}
