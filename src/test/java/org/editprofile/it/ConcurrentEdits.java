package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.it.Browser.Page;

/**
 * Many users doing the whole journey at once (sign-in, two rounds of step-up and save), each
 * checked to end with exactly their own last edit, never another's data, and no 5xx.
 */
final class ConcurrentEdits {

  private ConcurrentEdits() {}

  static void run(DevTenant tenant, String app, int users) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(users);
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    List<DevTenantUser> created = new ArrayList<>();
    List<Future<Browser>> journeys = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      DevTenantUser user = TestEnvironment.newUser("Load User " + i);
      created.add(user);
      int n = i;
      journeys.add(
          pool.submit(
              () -> {
                Browser browser = new Browser();
                Journeys.signIn(browser, app, user, "/");
                for (int round = 1; round <= 2; round++) {
                  Page form = Journeys.openEditForm(browser, app, user);
                  Page saved =
                      browser.settle(
                          browser.submit(
                              form,
                              "form#profile-form",
                              Map.of(
                                  "displayName",
                                  "User " + n + " edit " + round,
                                  "city",
                                  "City " + n + "." + round)));
                  if (!saved.text().contains("User " + n + " edit " + round)) {
                    problems.add("user " + n + " round " + round + " sees: " + saved.text());
                  }
                  for (DevTenantUser other : created) {
                    if (other != user && saved.body().contains(other.email())) {
                      problems.add("user " + n + " saw " + other.email());
                    }
                  }
                }
                return browser;
              }));
    }
    List<Browser> browsers = new ArrayList<>();
    for (Future<Browser> journey : journeys) {
      browsers.add(journey.get());
    }
    pool.shutdown();
    for (int i = 0; i < users; i++) {
      Map<String, String> stored =
          tenant.directory().byOid(created.get(i).oid()).orElseThrow().snapshot();
      assertEquals("User " + i + " edit 2", stored.get("displayName"), "no lost update");
      assertEquals("City " + i + ".2", stored.get("city"));
    }
    long responses = browsers.stream().mapToLong(b -> b.history().size()).sum();
    assertTrue(responses >= users * 10L, "every journey's responses are recorded: " + responses);
    long serverErrors =
        browsers.stream().flatMap(b -> b.history().stream()).filter(p -> p.status() >= 500).count();
    assertEquals(0, serverErrors, "no 5xx");
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }
}
