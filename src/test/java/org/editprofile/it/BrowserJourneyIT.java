package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.editprofile.devtenant.DevTenant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole journey in a real headless Chromium against the WAR on real Tomcat and Jetty
 * distributions: sign in on the dev tenant's page, claims, profile, the one-time-code step-up,
 * edit, save, sign out. Every page is screenshotted, checked with axe-core and at 375 px.
 */
class BrowserJourneyIT {

  private final DevTenant tenant = TestEnvironment.tenant();
  private final List<String> problems = new ArrayList<>();

  @ParameterizedTest
  @EnumSource(ServerDistribution.Kind.class)
  void fullJourneyWorksAndEveryPageIsAccessible(ServerDistribution.Kind kind) throws IOException {
    ServerDistribution server = TestEnvironment.distribution(kind);
    String app = server.baseUrl("localhost");
    DevTenantUser user = TestEnvironment.newUser("Katherine Johnson");
    try (ChromiumBrowser chromium = new ChromiumBrowser(kind.name().toLowerCase())) {
      ChromeDriver driver = chromium.driver();
      Waiter wait = new Waiter(driver);

      driver.get(app + "/");
      check(chromium, "home-signed-out");
      // Keyboard only: focus the sign-in link and press Enter.
      WebElement signIn = driver.findElement(By.cssSelector("main a[href$='/auth/signin']"));
      signIn.sendKeys(Keys.ENTER);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email")));
      check(chromium, "tenant-sign-in");
      driver.findElement(By.id("email")).sendKeys(user.email());
      driver.findElement(By.id("password")).sendKeys(user.password(), Keys.ENTER);

      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.tagName("h1"), "Hi Katherine Johnson!"));
      assertTrue(
          driver.getCurrentUrl().startsWith(app), "back on the app after the form_post relay");
      check(chromium, "home-signed-in");

      driver.findElement(By.linkText("View ID token claims")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "ID token claims"));
      assertTrue(driver.getPageSource().contains(user.oid()));
      check(chromium, "claims");

      driver.get(app + "/users/gatedUpdateProfile");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your profile"));
      check(chromium, "profile");

      driver.findElement(By.linkText("Edit profile")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("otc")));
      check(chromium, "mfa-prompt");
      String code = tenant.latestCode(user.email()).orElseThrow();
      driver.findElement(By.id("otc")).sendKeys(code, Keys.ENTER);

      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profile-form")));
      assertEquals(app + "/users/updateProfile", driver.getCurrentUrl());
      check(chromium, "edit-form");

      // A validation error keeps what was typed.
      WebElement name = driver.findElement(By.id("displayName"));
      name.clear();
      driver.findElement(By.id("city")).sendKeys("Hampton");
      driver.executeScript("document.getElementById('displayName').removeAttribute('required');");
      driver.findElement(By.cssSelector("#profile-form button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
      assertEquals("Hampton", driver.findElement(By.id("city")).getAttribute("value"));
      check(chromium, "edit-form-error");

      driver.findElement(By.id("displayName")).sendKeys("Katherine G. Johnson");
      WebElement job = driver.findElement(By.id("jobTitle"));
      job.clear();
      job.sendKeys("Mathematician");
      driver.findElement(By.id("country")).sendKeys("United States", Keys.ENTER);

      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".notice"), "Your profile was updated."));
      String profile = driver.findElement(By.tagName("main")).getText();
      assertTrue(
          profile.contains("Katherine G. Johnson")
              && profile.contains("Mathematician")
              && profile.contains("Hampton")
              && profile.contains("United States"),
          profile);
      check(chromium, "profile-updated");

      driver.findElement(By.cssSelector("form[action$='/auth/signout'] button")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
      check(chromium, "signed-out");

      driver.get(app + "/users/gatedUpdateProfile");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email")));
      assertTrue(
          driver.getCurrentUrl().contains("/oauth2/v2.0/authorize"),
          "a protected page asks to sign in again");
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @ParameterizedTest
  @EnumSource(ServerDistribution.Kind.class)
  void aSecondUserInAnotherBrowserNeverSeesTheFirstUsersData(ServerDistribution.Kind kind)
      throws IOException {
    String app = TestEnvironment.distribution(kind).baseUrl("localhost");
    DevTenantUser first = TestEnvironment.newUser("Dorothy Vaughan");
    DevTenantUser second = TestEnvironment.newUser("Mary Jackson");
    try (ChromiumBrowser one = new ChromiumBrowser(kind.name().toLowerCase() + "-user1");
        ChromiumBrowser two = new ChromiumBrowser(kind.name().toLowerCase() + "-user2")) {
      signIn(one.driver(), app, first);
      signIn(two.driver(), app, second);
      one.driver().get(app + "/users/gatedUpdateProfile");
      two.driver().get(app + "/users/gatedUpdateProfile");
      String firstPage = one.driver().findElement(By.tagName("main")).getText();
      String secondPage = two.driver().findElement(By.tagName("main")).getText();
      assertTrue(
          firstPage.contains(first.email()) && !firstPage.contains(second.email()), firstPage);
      assertTrue(
          secondPage.contains(second.email()) && !secondPage.contains(first.email()), secondPage);
      assertFalse(
          one.driver()
              .manage()
              .getCookieNamed("JSESSIONID")
              .getValue()
              .equals(two.driver().manage().getCookieNamed("JSESSIONID").getValue()));
    }
  }

  private static void signIn(ChromeDriver driver, String app, DevTenantUser user) {
    Waiter wait = new Waiter(driver);
    driver.get(app + "/auth/signin");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email")));
    driver.findElement(By.id("email")).sendKeys(user.email());
    driver.findElement(By.id("password")).sendKeys(user.password(), Keys.ENTER);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Hi "));
  }

  /** The journey's waits, bound to one browser. */
  private record Waiter(ChromeDriver driver) {
    <T> T until(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
      return Waits.until(driver, condition);
    }
  }

  private void check(ChromiumBrowser chromium, String page) throws IOException {
    chromium.screenshot(page);
    for (String violation : chromium.accessibilityViolations()) {
      problems.add(page + ": " + violation);
    }
    if (!chromium.fitsNarrowScreen()) {
      problems.add(page + ": wider than 375 px");
    }
  }
}
