package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.editprofile.devtenant.DevTenant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole account page in a real headless Chromium on real Tomcat 11 (in English) and Jetty 12
 * (in German): the account's facts; the password change behind the step-up, with the rules the
 * browser itself enforces, and the next sign-in with the new password; custom attributes edited
 * with the profile; and the account deleted with the page's confirmation word, ending at the
 * goodbye page with the customer unable to sign in. Every page passes axe-core and fits 375 px.
 */
class AccountBrowserIT {

  private final DevTenant tenant = TestEnvironment.tenant();
  private final List<String> problems = new ArrayList<>();

  static Stream<Arguments> servers() {
    return Stream.of(
        Arguments.of(ServerDistribution.Kind.TOMCAT, "en"),
        Arguments.of(ServerDistribution.Kind.JETTY, "de"));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("servers")
  void theAccountPageFromFactsToDeletion(ServerDistribution.Kind kind, String language)
      throws IOException {
    boolean german = language.equals("de");
    String app = TestEnvironment.distribution(kind).baseUrl("localhost");
    DevTenantUser user = TestEnvironment.newUser("Ada Lovelace");
    String fresh = "Analytical-Engine-1843";
    try (ChromiumBrowser chromium =
        ChromiumBrowser.preferring(
            kind.name().toLowerCase() + "-account", german ? "de-DE,de" : "en-US,en")) {
      ChromeDriver driver = chromium.driver();
      signIn(driver, app, user.email(), user.password(), german);

      driver.get(app + "/users/gatedUpdateProfile");
      Waits.until(
          driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector("dl.account")));
      String account = driver.findElement(By.cssSelector("dl.account")).getText();
      assertTrue(account.contains(user.email()), account);
      assertTrue(account.contains(german ? "Kunde seit" : "Customer since"), account);
      check(chromium, "account-profile");

      driver.findElement(By.cssSelector("main a[href$='/users/changePassword']")).click();
      Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("otc")));
      driver
          .findElement(By.id("otc"))
          .sendKeys(tenant.latestCode(user.email()).orElseThrow(), Keys.ENTER);
      Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("password-form")));
      assertEquals(app + "/users/changePassword", driver.getCurrentUrl());
      check(chromium, "change-password");

      // The rules hold in the browser: too few kinds of character, then two different passwords.
      WebElement current = driver.findElement(By.id("currentPassword"));
      WebElement proposed = driver.findElement(By.id("newPassword"));
      WebElement confirmation = driver.findElement(By.id("confirmPassword"));
      current.sendKeys(user.password());
      proposed.sendKeys("onlylowercase");
      confirmation.sendKeys("onlylowercase");
      assertFalse(valid(driver, "newPassword"), "three kinds of character are needed");
      proposed.clear();
      proposed.sendKeys(fresh);
      confirmation.clear();
      confirmation.sendKeys(fresh + "!");
      assertTrue(valid(driver, "newPassword"));
      assertFalse(valid(driver, "confirmPassword"), "the two must be the same");
      confirmation.clear();
      confirmation.sendKeys(fresh, Keys.ENTER);

      Waits.until(
          driver,
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".notice"),
              german ? "Ihr Passwort wurde geändert." : "Your password was changed."));
      assertEquals(app + "/users/gatedUpdateProfile", driver.getCurrentUrl());
      assertFalse(driver.getPageSource().contains(fresh), "no password in any page");
    }
    try (ChromiumBrowser later =
        ChromiumBrowser.preferring(
            kind.name().toLowerCase() + "-account-later", german ? "de-DE,de" : "en-US,en")) {
      ChromeDriver driver = later.driver();
      signIn(driver, app, user.email(), fresh, german);
      editCustomAttributes(later, app, user, german);
      deleteTheAccount(later, app, german);
    }
    assertTrue(tenant.directory().byOid(user.oid()).isEmpty(), "deleted");
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /** The edit form's custom attributes: a text, a yes/no and a number, saved with the profile. */
  private void editCustomAttributes(
      ChromiumBrowser chromium, String app, DevTenantUser user, boolean german) throws IOException {
    ChromeDriver driver = chromium.driver();
    String prefix = "extension_" + tenant.extensionsAppClientId().replace("-", "") + "_";
    driver.get(app + "/users/updateProfile");
    Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("otc")));
    driver
        .findElement(By.id("otc"))
        .sendKeys(tenant.latestCode(user.email()).orElseThrow(), Keys.ENTER);
    Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("profile-form")));
    check(chromium, "edit-with-attributes");
    driver.findElement(By.id(prefix + "loyaltyNumber")).sendKeys("LN-1843");
    new Select(driver.findElement(By.id(prefix + "newsletter"))).selectByValue("true");
    WebElement shoeSize = driver.findElement(By.id(prefix + "shoeSize"));
    shoeSize.sendKeys("61");
    assertFalse(valid(driver, prefix + "shoeSize"), "the browser knows the range");
    shoeSize.clear();
    shoeSize.sendKeys("38", Keys.ENTER);
    Waits.until(
        driver,
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".notice"),
            german ? "Ihr Profil wurde aktualisiert." : "Your profile was updated."));
    String profile = driver.findElement(By.cssSelector("dl.profile")).getText();
    assertTrue(profile.contains("LN-1843") && profile.contains("38"), profile);
    assertTrue(profile.contains(german ? "Ja" : "Yes"), profile);
  }

  /** From the profile's link to the goodbye page, with the page's own confirmation word. */
  private void deleteTheAccount(ChromiumBrowser chromium, String app, boolean german)
      throws IOException {
    ChromeDriver driver = chromium.driver();
    driver.findElement(By.cssSelector("main a[href$='/users/deleteAccount']")).click();
    Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("delete-form")));
    check(chromium, "delete-account");
    WebElement word = driver.findElement(By.id("confirmation"));
    word.sendKeys(german ? "DELETE" : "LÖSCHEN", Keys.ENTER);
    Waits.until(
        driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
    driver.findElement(By.id("confirmation")).sendKeys(german ? "löschen" : "delete", Keys.ENTER);
    Waits.until(
        driver,
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("h1"), german ? "Ihr Konto wurde gelöscht" : "Your account was deleted"));
    check(chromium, "goodbye");
  }

  private static boolean valid(ChromeDriver driver, String id) {
    return (Boolean)
        driver.executeScript("return document.getElementById(arguments[0]).checkValidity();", id);
  }

  private static void signIn(
      ChromeDriver driver, String app, String email, String password, boolean german) {
    driver.get(app + "/auth/signin");
    Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("email")));
    driver.findElement(By.id("email")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
    Waits.until(
        driver,
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("h1"), german ? "Hallo Ada Lovelace!" : "Hi Ada Lovelace!"));
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
