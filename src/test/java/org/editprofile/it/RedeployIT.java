package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.junit.jupiter.api.Test;

/**
 * Redeploying the WAR on a real Tomcat, after sign-ins that made the app fetch the tenant's keys,
 * leaves no thread of the old deployment behind: Tomcat names every thread a web application
 * started and did not stop when it undeploys it.
 */
class RedeployIT {

  private static final String THREAD_LEFT = "appears to have started a thread named";

  @Test
  void redeployingAfterSignInsLeavesNoThreadOfTheOldDeployment() throws Exception {
    DevTenant tenant = TestEnvironment.tenant();
    int port = EmbeddedTomcat.freePort();
    String base = "http://localhost:" + port;
    tenant.registerWebApp(base + "/auth/redirect", base + "/");
    try (ServerDistribution tomcat =
        ServerDistribution.start(
            ServerDistribution.Kind.TOMCAT,
            EmbeddedTomcat.builtWar(),
            port,
            EmbeddedTomcat.settingsFor(tenant, base),
            TestEnvironment.trustStore(),
            DevTenant.trustStorePassword())) {
      signInAndOpenTheProfile(base);

      // A newer WAR: Tomcat's background check undeploys the old one and deploys it again.
      Path war = tomcat.base().resolve("webapps").resolve("ROOT.war");
      Files.setLastModifiedTime(war, FileTime.from(Instant.now().plusSeconds(5)));
      awaitLogLines(tomcat, "Deployment of web application archive", 2, Duration.ofSeconds(90));

      signInAndOpenTheProfile(base);
      List<String> leaks =
          Files.readAllLines(tomcat.log(), StandardCharsets.UTF_8).stream()
              .filter(line -> line.contains(THREAD_LEFT))
              .toList();
      assertEquals(List.of(), leaks, "threads the old deployment left running");
    }
  }

  private static void signInAndOpenTheProfile(String base) throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Redeployed");
    Browser browser = new Browser();
    Journeys.signIn(browser, base, user, "/");
    Browser.Page profile = browser.get(base + "/users/gatedUpdateProfile");
    assertEquals(200, profile.status(), profile.text());
  }

  private static void awaitLogLines(
      ServerDistribution server, String text, int count, Duration timeout)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    long seen = 0;
    while (Instant.now().isBefore(deadline)) {
      seen =
          Files.readAllLines(server.log(), StandardCharsets.UTF_8).stream()
              .filter(line -> line.contains(text))
              .count();
      if (seen >= count) {
        return;
      }
      Thread.sleep(250);
    }
    assertTrue(seen >= count, "'" + text + "' " + count + " times in time:\n" + server.tail());
  }
}
