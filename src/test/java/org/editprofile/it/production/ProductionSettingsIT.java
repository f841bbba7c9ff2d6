package org.editprofile.it.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Faults;
import org.editprofile.devtenant.TenantLayout;
import org.editprofile.it.ChromiumBrowser;
import org.editprofile.it.ServerDistribution;
import org.editprofile.it.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The production settings end to end: the WAR configured exactly as a customer configures it
 * (TENANT_SUBDOMAIN=devtenant, Graph's default endpoint) against the dev tenant in Entra's own
 * layout (https://devtenant.ciamlogin.com/devtenant.onmicrosoft.com/..., the issuer on
 * https://&lt;tenant-id&gt;.ciamlogin.com, Graph on https://graph.microsoft.com), in a real
 * headless Chromium, on real Tomcat 11 (edits through the edit profile service, which receives v1.0
 * tokens, and both clients authenticate with certificates) and Jetty 12 (edits sent to Graph
 * directly, with a client secret).
 */
class ProductionSettingsIT {

  private static final String AUTHORIZE =
      "https://devtenant.ciamlogin.com/devtenant.onmicrosoft.com/oauth2/v2.0/authorize";

  private static ServerDistribution tomcat;
  private static ServerDistribution jetty;

  @AfterAll
  static void stop() {
    if (tomcat != null) {
      tomcat.close();
    }
    if (jetty != null) {
      jetty.close();
    }
  }

  @Test
  void servicePathOnTomcatWithCustomerSettings() throws IOException {
    tomcat = ProductionTenant.startApp(ServerDistribution.Kind.TOMCAT, 0, true);
    DevTenant tenant = ProductionTenant.tenant();
    long obo = tenant.requests("token." + Faults.ON_BEHALF_OF);
    long signed = tenant.requests("client_assertion.certificate");
    journey("tomcat", ProductionTenant.appBase(0), "Grace Hopper", "Rear Admiral");
    assertEquals(
        obo + 1,
        tenant.requests("token." + Faults.ON_BEHALF_OF),
        "the save went through the edit profile service's on-behalf-of exchange");
    assertTrue(
        tenant.requests("client_assertion.certificate") >= signed + 3,
        "both clients signed their token requests with their certificates");
  }

  @Test
  void directPathOnJettyWithCustomerSettings() throws IOException {
    jetty = ProductionTenant.startApp(ServerDistribution.Kind.JETTY, 1, false);
    DevTenant tenant = ProductionTenant.tenant();
    long obo = tenant.requests("token." + Faults.ON_BEHALF_OF);
    long patches = tenant.requests("graph.patch");
    journey("jetty", ProductionTenant.appBase(1), "Frances Allen", "Compiler Pioneer");
    assertEquals(obo, tenant.requests("token." + Faults.ON_BEHALF_OF), "no service involved");
    assertEquals(patches + 1, tenant.requests("graph.patch"), "the app PATCHed Graph itself");
  }

  private void journey(String name, String app, String displayName, String jobTitle)
      throws IOException {
    DevTenant tenant = ProductionTenant.tenant();
    String email = name + "-" + System.nanoTime() + "@example.test";
    String password = "Pw-" + System.nanoTime();
    String oid = tenant.directory().add(email, password, displayName).oid();
    try (ChromiumBrowser chromium =
        new ChromiumBrowser(
            "production-" + name,
            List.of("--ignore-certificate-errors-spki-list=" + tenant.tlsSpkiSha256()))) {
      ChromeDriver driver = chromium.driver();

      driver.get(app + "/");
      driver.findElement(By.cssSelector("main a[href$='/auth/signin']")).click();
      Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("email")));
      assertTrue(
          driver.getCurrentUrl().startsWith("https://devtenant.ciamlogin.com/"),
          "the sign-in page is on the tenant's https origin: " + driver.getCurrentUrl());
      chromium.screenshot("tenant-sign-in");
      driver.findElement(By.id("email")).sendKeys(email);
      driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
      Waits.until(
          driver,
          ExpectedConditions.textToBePresentInElementLocated(
              By.tagName("h1"), "Hi " + displayName + "!"));

      driver.get(app + "/users/id");
      String claims = driver.findElement(By.tagName("main")).getText();
      assertTrue(claims.contains(oid), claims);
      assertTrue(
          claims.contains(
              "https://"
                  + TenantLayout.TENANT_ID
                  + ".ciamlogin.com/"
                  + TenantLayout.TENANT_ID
                  + "/v2.0"),
          "the issuer on the tenant-id host was verified: " + claims);

      driver.get(app + "/users/gatedUpdateProfile");
      Waits.until(
          driver,
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your profile"));

      driver.findElement(By.linkText("Edit profile")).click();
      Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("otc")));
      assertTrue(driver.getCurrentUrl().startsWith("https://devtenant.ciamlogin.com/"));
      chromium.screenshot("tenant-one-time-code");
      driver.findElement(By.id("otc")).sendKeys(tenant.latestCode(email).orElseThrow(), Keys.ENTER);
      Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("profile-form")));
      assertEquals(app + "/users/updateProfile", driver.getCurrentUrl());

      driver.findElement(By.id("jobTitle")).sendKeys(jobTitle, Keys.ENTER);
      Waits.until(
          driver,
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".notice"), "Your profile was updated."));
      assertEquals(
          jobTitle,
          tenant.directory().byOid(oid).orElseThrow().snapshot().get("jobTitle"),
          "written to the directory through Graph");

      // Steady state: the signed-in pages make no call to the tenant at all.
      Map<String, Long> before = tenant.requestCounts();
      for (int i = 0; i < 3; i++) {
        driver.get(app + "/users/gatedUpdateProfile");
        Waits.until(
            driver,
            ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), jobTitle));
        driver.get(app + "/users/updateProfile");
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("profile-form")));
      }
      Map<String, Long> after = tenant.requestCounts();
      for (String endpoint : List.of("discovery", "jwks", "token", "authorize")) {
        assertEquals(
            before.getOrDefault(endpoint, 0L),
            after.getOrDefault(endpoint, 0L),
            endpoint + " calls in steady state");
      }

      long logouts = tenant.requests("logout");
      driver.findElement(By.cssSelector("form[action$='/auth/signout'] button")).click();
      Waits.until(
          driver, ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
      assertEquals(logouts + 1, tenant.requests("logout"), "signed out at the tenant too");
      assertTrue(driver.getCurrentUrl().startsWith(app), driver.getCurrentUrl());

      driver.get(app + "/users/gatedUpdateProfile");
      Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("password")));
      assertTrue(
          driver.getCurrentUrl().startsWith(AUTHORIZE),
          "the tenant session ended: the next sign-in asks for the password again at "
              + driver.getCurrentUrl());
    }
  }
}
