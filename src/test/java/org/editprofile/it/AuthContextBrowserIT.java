package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Registrations;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * STEP_UP_MODE=auth-context in a real headless Chromium on real Tomcat 11 and Jetty 12, through the
 * edit profile service (in English) and straight to Graph (in German): the tenant asks for the
 * one-time code because the app asked for the authentication context, and the save goes through.
 */
class AuthContextBrowserIT {

  private static final DevTenant tenant = TestEnvironment.tenant();
  private static final Map<ServerDistribution.Kind, Map<String, ServerDistribution>> servers =
      new EnumMap<>(ServerDistribution.Kind.class);

  @BeforeAll
  static void policyOnTheContextOnly() {
    tenant.registrations().setApiRequiresMfa(tenant.serviceClientId(), false);
  }

  @AfterAll
  static void stop() {
    tenant.registrations().setApiRequiresMfa(tenant.serviceClientId(), true);
    servers.values().stream().flatMap(m -> m.values().stream()).forEach(ServerDistribution::close);
  }

  static Stream<Arguments> journeys() {
    List<Arguments> all = new ArrayList<>();
    for (ServerDistribution.Kind kind :
        List.of(ServerDistribution.Kind.TOMCAT, ServerDistribution.Kind.JETTY)) {
      all.add(Arguments.of(kind, "service", "en"));
      all.add(Arguments.of(kind, "direct", "de"));
    }
    return all.stream();
  }

  /** A server of that kind in auth-context mode on that path, started once. */
  private static synchronized String app(ServerDistribution.Kind kind, String path) {
    return servers
        .computeIfAbsent(kind, k -> new LinkedHashMap<>())
        .computeIfAbsent(path, p -> start(kind, p))
        .baseUrl("localhost");
  }

  private static ServerDistribution start(ServerDistribution.Kind kind, String path) {
    try {
      int port = EmbeddedTomcat.freePort();
      String base = "http://localhost:" + port;
      tenant.registerWebApp(base + "/auth/redirect", base + "/");
      Map<String, String> settings = EmbeddedTomcat.settingsFor(tenant, base);
      settings.put("STEP_UP_MODE", "auth-context");
      settings.put("STEP_UP_AUTH_CONTEXT", Registrations.EDIT_CONTEXT);
      settings.put("EDIT_PROFILE_SERVICE_REQUIRED_AUTH_CONTEXT", Registrations.EDIT_CONTEXT);
      if (path.equals("direct")) {
        settings.remove("EDIT_PROFILE_API_URL");
        settings.remove("EDIT_PROFILE_SCOPE");
      }
      return ServerDistribution.start(
          kind,
          EmbeddedTomcat.builtWar(),
          port,
          settings,
          TestEnvironment.trustStore(),
          DevTenant.trustStorePassword());
    } catch (Exception e) {
      throw new IllegalStateException("could not start " + kind + " for the " + path + " path", e);
    }
  }

  @ParameterizedTest(name = "{0}, {1} path, {2}")
  @MethodSource("journeys")
  void theContextsCodeThenTheSave(ServerDistribution.Kind kind, String path, String language)
      throws IOException {
    String app = app(kind, path);
    boolean german = language.equals("de");
    DevTenantUser user = TestEnvironment.newUser("Lise Meitner");
    try (ChromiumBrowser chromium =
        ChromiumBrowser.preferring(
            kind.name().toLowerCase() + "-context-" + path, german ? "de-DE,de" : "en-US,en")) {
      ChromeDriver driver = chromium.driver();
      driver.get(app + "/auth/signin");
      Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("email")));
      driver.findElement(By.id("email")).sendKeys(user.email());
      driver.findElement(By.id("password")).sendKeys(user.password(), Keys.ENTER);
      Waits.until(
          driver,
          ExpectedConditions.textToBePresentInElementLocated(
              By.tagName("h1"), german ? "Hallo Lise Meitner!" : "Hi Lise Meitner!"));

      driver.get(app + "/users/gatedUpdateProfile");
      Waits.until(
          driver,
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("main a[href$='/users/updateProfile']")));
      driver.findElement(By.cssSelector("main a[href$='/users/updateProfile']")).click();
      Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("otc")));
      assertEquals(
          language,
          driver.findElement(By.tagName("html")).getAttribute("lang"),
          "the tenant's page in the browser's language");
      driver
          .findElement(By.id("otc"))
          .sendKeys(tenant.latestCode(user.email()).orElseThrow(), Keys.ENTER);

      Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("profile-form")));
      assertEquals(app + "/users/updateProfile", driver.getCurrentUrl());
      driver.findElement(By.id("city")).sendKeys("Stockholm", Keys.ENTER);
      Waits.until(
          driver,
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".notice"),
              german ? "Ihr Profil wurde aktualisiert." : "Your profile was updated."));
      assertTrue(driver.findElement(By.tagName("main")).getText().contains("Stockholm"));
      assertEquals(
          "Stockholm", tenant.directory().byOid(user.oid()).orElseThrow().snapshot().get("city"));

      driver.get(app + "/users/id");
      Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector("table")));
      assertTrue(
          driver.findElement(By.tagName("main")).getText().contains("acrs"),
          "the ID token the app checked names the context");
      chromium.screenshot("auth-context-" + kind.name().toLowerCase() + "-" + path);
    }
  }
}
