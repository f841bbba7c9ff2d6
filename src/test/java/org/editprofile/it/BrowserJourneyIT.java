package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.i18n.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

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

  /**
   * The same journey for a customer whose browser prefers Spanish: every page of the app and the
   * tenant is in Spanish, with not one English word left but the user's own data; then the switcher
   * turns the site German and keeps it so.
   */
  @ParameterizedTest
  @EnumSource(ServerDistribution.Kind.class)
  void journeyInSpanishLeavesNoEnglishAndTheSwitcherKeepsGerman(ServerDistribution.Kind kind)
      throws IOException {
    String app = TestEnvironment.distribution(kind).baseUrl("localhost");
    DevTenantUser user = TestEnvironment.newUser("Rosalía Castro");
    EnglishLeftovers leftovers = new EnglishLeftovers(Language.SPANISH);
    List<String> ownData = new ArrayList<>(List.of(user.email(), user.oid(), user.password()));
    try (ChromiumBrowser chromium =
        ChromiumBrowser.preferring(kind.name().toLowerCase() + "-es", "es-ES,es")) {
      ChromeDriver driver = chromium.driver();
      Waiter wait = new Waiter(driver);
      Spanish spanish = new Spanish(chromium, leftovers, ownData);

      driver.get(app + "/");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Bienvenido"));
      spanish.check("es-home-signed-out");
      driver.findElement(By.cssSelector("main a[href$='/auth/signin']")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email")));
      spanish.check("es-tenant-sign-in");
      driver.findElement(By.id("email")).sendKeys(user.email());
      driver.findElement(By.id("password")).sendKeys(user.password(), Keys.ENTER);
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.tagName("h1"), "¡Hola, Rosalía Castro!"));
      spanish.check("es-home-signed-in");

      driver.findElement(By.linkText("Ver las notificaciones del token de identificador")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table tbody tr")));
      // The claims themselves (names and values) are the user's token, not the page's words.
      for (WebElement row : driver.findElements(By.cssSelector("table tbody tr"))) {
        ownData.add(row.findElement(By.tagName("th")).getText());
        ownData.add(row.findElement(By.tagName("td")).getText().replaceAll("\\(.*\\)", ""));
      }
      spanish.check("es-claims");

      driver.get(app + "/users/gatedUpdateProfile");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Su perfil"));
      spanish.check("es-profile");
      driver.findElement(By.linkText("Modificar el perfil")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("otc")));
      spanish.check("es-mfa-prompt");
      driver
          .findElement(By.id("otc"))
          .sendKeys(tenant.latestCode(user.email()).orElseThrow(), Keys.ENTER);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profile-form")));
      spanish.check("es-edit-form");

      driver.findElement(By.id("displayName")).clear();
      driver.executeScript("document.getElementById('displayName').removeAttribute('required');");
      driver.findElement(By.cssSelector("#profile-form button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
      assertEquals(
          "El campo «Nombre para mostrar» es obligatorio.",
          driver.findElement(By.id("displayName-error")).getText());
      spanish.check("es-edit-form-error");

      driver.findElement(By.id("displayName")).sendKeys("Rosalía de Castro");
      driver.findElement(By.id("city")).sendKeys("Santiago de Compostela", Keys.ENTER);
      ownData.addAll(List.of("Rosalía de Castro", "Santiago de Compostela"));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".notice"), "Su perfil se ha actualizado."));
      spanish.check("es-profile-updated");

      driver.get(app + "/no-such-page");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.tagName("h1"), "Página no encontrada"));
      ownData.add(
          driver
              .findElement(By.cssSelector(".reference"))
              .getText()
              .replaceAll("^Referencia: ", ""));
      spanish.check("es-not-found");

      // The switcher: German from here on, over the browser's Spanish.
      driver.get(app + "/users/gatedUpdateProfile");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Su perfil"));
      new Select(driver.findElement(By.id("language-choice"))).selectByValue("de");
      driver.findElement(By.cssSelector("form[action$='/language'] button")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Ihr Profil"));
      assertEquals(app + "/users/gatedUpdateProfile", driver.getCurrentUrl());
      assertEquals("de", driver.findElement(By.tagName("html")).getAttribute("lang"));
      check(chromium, "de-profile");
      driver.get(app + "/");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.tagName("h1"), "Hallo Rosalía Castro!"));
      driver.findElement(By.cssSelector("form[action$='/auth/signout'] button")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Willkommen"));
      check(chromium, "de-signed-out");
      problems.addAll(spanish.problems);
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /** Checks a page meant for Spanish: lang="es", no English word, and the usual checks. */
  private final class Spanish {
    private final ChromiumBrowser chromium;
    private final EnglishLeftovers leftovers;
    private final List<String> ownData;
    private final List<String> problems = new ArrayList<>();

    Spanish(ChromiumBrowser chromium, EnglishLeftovers leftovers, List<String> ownData) {
      this.chromium = chromium;
      this.leftovers = leftovers;
      this.ownData = ownData;
    }

    void check(String page) throws IOException {
      ChromeDriver driver = chromium.driver();
      String lang = driver.findElement(By.tagName("html")).getAttribute("lang");
      if (!"es".equals(lang)) {
        problems.add(page + ": lang=" + lang);
      }
      // What a reader meets: the title, the visible text and the words only assistive technology
      // reads; parts marked as another language (the switcher's own names) are theirs.
      String text =
          (String)
              driver.executeScript(
                  "const body = document.body.cloneNode(true);"
                      + "body.querySelectorAll('[lang]:not([lang^=es])').forEach(e => e.remove());"
                      + "const labels = [...body.querySelectorAll('[aria-label],[placeholder],[title]')]"
                      + ".map(e => [e.getAttribute('aria-label'), e.getAttribute('placeholder'),"
                      + " e.getAttribute('title')].join(' '));"
                      + "return document.title + ' ' + body.textContent + ' ' + labels.join(' ');");
      var english = leftovers.in(text, ownData);
      if (!english.isEmpty()) {
        problems.add(page + ": English words " + english);
      }
      BrowserJourneyIT.this.check(chromium, page);
    }
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
