package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.Browser.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /metrics over real HTTP: hidden without the configured bearer token, and after one customer's
 * journey each of the app's counters has moved by exactly what the journey did.
 */
class MetricsIT {

  private static final String TOKEN = "metrics-" + java.util.UUID.randomUUID();
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private static EmbeddedTomcat app;
  private static DevTenant tenant;

  @BeforeAll
  static void start() {
    tenant = TestEnvironment.tenant();
    app = TestEnvironment.start(Map.of("METRICS_TOKEN", TOKEN));
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  private static Page scrape(String authorization) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/metrics"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return new Browser().send(request.GET());
  }

  /** Every sample of a scrape, keyed by name and its labels in order: name{a="1",b="2"}. */
  private static Map<String, Double> samples() throws IOException {
    Page page = scrape("Bearer " + TOKEN);
    assertEquals(200, page.status());
    assertTrue(page.header("Content-Type").orElseThrow().startsWith("text/plain"));
    Map<String, Double> samples = new TreeMap<>();
    for (String line : page.body().split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (line.startsWith("#") || !m.matches()) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>();
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      samples.put(key(m.group(1), labels), Double.parseDouble(m.group(4)));
    }
    return samples;
  }

  private static String key(String name, Map<String, String> labels) {
    StringBuilder key = new StringBuilder(name).append('{');
    new TreeMap<>(labels).forEach((k, v) -> key.append(k).append("=\"").append(v).append("\","));
    return key.append('}').toString();
  }

  private static double moved(
      Map<String, Double> before, Map<String, Double> after, String name, String... labels) {
    Map<String, String> wanted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    String key = key(name, wanted);
    return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
  }

  @Test
  void withoutTheTokenMetricsDoNotExist() throws IOException {
    assertEquals(404, scrape(null).status());
    assertEquals(404, scrape("Bearer wrong-" + TOKEN).status());
    assertEquals(404, scrape(TOKEN).status(), "the bare token is not a bearer header");
    Page unconfigured = new Browser().get(TestEnvironment.serviceApp().baseUrl() + "/metrics");
    assertEquals(404, unconfigured.status(), "no METRICS_TOKEN, no endpoint");
    // Any other method says no more: not 405 with Allow, not a CSRF refusal.
    for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
      for (String presented : new String[] {null, "Bearer wrong-" + TOKEN}) {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(app.baseUrl() + "/metrics"))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (presented != null) {
          request.header("Authorization", presented);
        }
        Page page = new Browser().send(request);
        assertEquals(404, page.status(), method + " " + presented);
        assertTrue(page.header("Allow").isEmpty(), method + ": " + page.headers());
      }
    }
    assertTrue(
        samples().keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes{")),
        "the JVM's standard meters");
    assertTrue(
        samples().containsKey("editprofile_stepups_total{event=\"capped\",}"),
        "a day's usual series exist from the start, at zero");
  }

  @Test
  void aJourneyMovesEachCounterByExactlyWhatItDid() throws IOException {
    Map<String, Double> before = samples();
    long graphGets = tenant.requests("graph.get");
    long tokens = tenant.requests("token");
    DevTenantUser user = TestEnvironment.newUser("Measured");
    Browser browser = new Browser();
    String base = app.baseUrl();

    Journeys.signIn(browser, base, user, "/"); // sign-in: code redeemed
    Map<String, Double> signedIn = samples();
    assertEquals(1, moved(before, signedIn, "editprofile_sessions_active"), "one session more");
    browser.get(base + "/users/gatedUpdateProfile"); // Graph GET
    Page form = Journeys.openEditForm(browser, base, user); // step-up, then Graph GET
    Page saved =
        browser.settle(
            browser.submit(form, "form#profile-form", Map.of("displayName", "Counted Once")));
    assertEquals(200, saved.status(), saved.text()); // service -> OBO -> PATCH, then Graph GET
    String csrf = saved.doc().selectFirst("input[name=_csrf]").attr("value");
    assertEquals(302, browser.post(base + "/auth/signout", Map.of("_csrf", csrf)).status());
    Map<String, Double> after = samples();

    assertEquals(1, moved(before, after, "editprofile_signins_total", "outcome", "signed_in"));
    assertEquals(1, moved(before, after, "editprofile_signins_total", "outcome", "stepped_up"));
    assertEquals(0, moved(before, after, "editprofile_signins_total", "outcome", "rejected"));
    assertEquals(1, moved(before, after, "editprofile_stepups_total", "event", "started"));
    assertEquals(1, moved(before, after, "editprofile_stepups_total", "event", "completed"));
    assertEquals(0, moved(before, after, "editprofile_stepups_total", "event", "capped"));
    String tokenCalls = "editprofile_tenant_token_calls_seconds_count";
    assertEquals(
        2,
        moved(before, after, tokenCalls, "grant", "authorization_code", "outcome", "success"),
        "the sign-in's and the step-up's codes");
    assertEquals(
        1,
        moved(before, after, tokenCalls, "grant", "on_behalf_of", "outcome", "success"),
        "the service's exchange");
    assertEquals(
        1,
        moved(before, after, tokenCalls, "grant", "refresh_token", "outcome", "invalid_grant"),
        "the silent try for the MFA scope, which the tenant refuses until MFA is done");
    assertEquals(
        0, moved(before, after, tokenCalls, "grant", "refresh_token", "outcome", "success"));
    String outbound = "editprofile_outbound_calls_seconds_count";
    assertEquals(
        3,
        moved(before, after, outbound, "status", "200", "target", "graph"),
        "profile page, edit form, profile page after the save (which reads nothing itself)");
    // The same, counted independently by the tenant on the other end of the wire.
    assertEquals(
        tenant.requests("graph.get") - graphGets,
        (long) moved(before, after, outbound, "status", "200", "target", "graph"));
    assertEquals(
        tenant.requests("token") - tokens,
        after.entrySet().stream()
            .filter(e -> e.getKey().startsWith(tokenCalls))
            .mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0))
            .sum(),
        "every token call the tenant answered, whatever its grant");
    assertEquals(1, moved(before, after, outbound, "status", "204", "target", "graph"), "PATCH");
    assertEquals(1, moved(before, after, outbound, "status", "204", "target", "service"));
    assertEquals(0, moved(before, after, "editprofile_sessions_active"), "signed out: gone");
    assertTrue(
        moved(
                before,
                after,
                "editprofile_tenant_token_calls_seconds_sum",
                "grant",
                "authorization_code",
                "outcome",
                "success")
            > 0,
        "latency is recorded");
  }
}
