package org.editprofile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.text.DateFormat;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.editprofile.i18n.Language;
import org.editprofile.it.Browser.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The customer's language over real HTTP: chosen from Accept-Language or the switcher, remembered
 * in a cookie, asked of the tenant as ui_locales, and used for every word the app writes (field
 * errors, notices, error pages and dates included).
 */
class LanguageIT {

  private final String app = TestEnvironment.serviceApp().baseUrl();

  @ParameterizedTest(name = "Accept-Language \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de-CH, en;q=0.5 | de | Willkommen",
        "fr-CA, es;q=0.8, en;q=0.1 | es | Bienvenido",
        "es-MX | es | Bienvenido",
        "en-GB, de;q=0.9 | en | Welcome",
        "de;q=0, es;q=0.2 | es | Bienvenido",
        "fr, it | en | Welcome",
        "!!!;q=x | en | Welcome",
        "'' | en | Welcome"
      })
  void homePageFollowsTheBrowsersLanguageAmongTheShippedOnes(
      String acceptLanguage, String lang, String heading) throws IOException {
    Browser browser = new Browser();
    if (!acceptLanguage.isEmpty()) {
      browser.alwaysSend("Accept-Language", acceptLanguage);
    }
    Page home = browser.open(app + "/");
    assertEquals(200, home.status());
    assertEquals(lang, home.doc().selectFirst("html").attr("lang"));
    assertEquals(lang, home.header("Content-Language").orElseThrow());
    assertEquals(heading, home.doc().selectFirst("h1").text());
  }

  /**
   * The header's switcher offers exactly the shipped languages ({@link Language}, in its order),
   * each under its own tag and named in itself, the page's own selected: a new language is an enum
   * entry and a bundle.
   */
  @Test
  void theSwitcherOffersEveryShippedLanguageNamedInItself() throws IOException {
    for (Language language : Language.values()) {
      Browser browser = new Browser().alwaysSend("Accept-Language", language.tag());
      Page home = browser.open(app + "/");
      List<String> offered = new java.util.ArrayList<>();
      for (Element option : home.doc().select("#language-choice option")) {
        offered.add(option.attr("value") + "|" + option.attr("lang") + "|" + option.text());
        assertEquals(
            option.attr("value").equals(language.tag()),
            option.hasAttr("selected"),
            option.attr("value") + " on a page in " + language.tag());
      }
      List<String> shipped = new java.util.ArrayList<>();
      for (Language each : Language.values()) {
        shipped.add(each.tag() + "|" + each.tag() + "|" + each.nativeName());
      }
      assertEquals(shipped, offered);
    }
  }

  @Test
  void errorPagesSpeakTheLanguageWithALocalReferenceTime() throws IOException {
    Page missing = new Browser().alwaysSend("Accept-Language", "de").open(app + "/no/such/page");
    assertEquals(404, missing.status());
    assertEquals("de", missing.doc().selectFirst("html").attr("lang"));
    assertEquals("Seite nicht gefunden", missing.doc().selectFirst("h1").text());
    String reference = missing.doc().selectFirst(".reference").text();
    // German medium style: 02.12.2026, 04:33:20 UTC
    assertTrue(
        reference.matches(
            "Referenz: [0-9a-f-]{36} · \\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}:\\d{2} UTC"),
        reference);
  }

  @Test
  void switcherRemembersTheChoiceInACookieOverAcceptLanguage() throws IOException {
    Browser browser = new Browser().alwaysSend("Accept-Language", "de");
    Page home = browser.open(app + "/");
    assertEquals("de", home.doc().selectFirst("html").attr("lang"));

    Page switched = fromOwnPage(browser, home, "es");
    assertEquals(302, switched.status(), switched.body());
    assertEquals(URI.create(app + "/"), switched.uri().resolve(switched.location()));
    String setCookie = switched.header("Set-Cookie").orElseThrow();
    assertTrue(setCookie.startsWith("lang=es;"), setCookie);
    assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"), setCookie);
    assertTrue(setCookie.contains("Max-Age="), "remembered beyond the browser session");

    Page again = browser.open(app + "/");
    assertEquals("es", again.doc().selectFirst("html").attr("lang"));
    assertEquals("Bienvenido", again.doc().selectFirst("h1").text());
    Element chosen = again.doc().selectFirst("#language-choice option[selected]");
    assertNotNull(chosen);
    assertEquals("es", chosen.attr("value"));
    assertTrue(browser.cookie("JSESSIONID").isEmpty(), "switching costs a visitor no session");
  }

  @Test
  void aVisitorsSwitchIsRefusedWithoutTheAppsOwnOrigin() throws IOException {
    Browser browser = new Browser();
    Map<String, String> form = Map.of("lang", "de", "return", "/");

    Page noOrigin = browser.post(app + "/language", form);
    assertEquals(403, noOrigin.status());
    Page otherSite =
        browser.send(formPost(app + "/language", form).header("Origin", "https://evil.example"));
    assertEquals(403, otherSite.status());
    Page crossSite =
        browser.send(formPost(app + "/language", form).header("Sec-Fetch-Site", "cross-site"));
    assertEquals(403, crossSite.status());
    assertTrue(browser.cookie("lang").isEmpty(), "nothing remembered");
    assertEquals("en", browser.open(app + "/").doc().selectFirst("html").attr("lang"));

    Page sameOrigin =
        browser.send(formPost(app + "/language", form).header("Sec-Fetch-Site", "same-origin"));
    assertEquals(302, sameOrigin.status());
    assertEquals("de", browser.cookie("lang").orElseThrow());
  }

  @Test
  void anUnknownLanguageOrAForeignReturnPathGetsAClearAnswer() throws IOException {
    Browser browser = new Browser();
    Page unknown =
        browser.send(
            formPost(app + "/language", Map.of("lang", "fr", "return", "/"))
                .header("Origin", origin()));
    assertEquals(400, unknown.status());
    assertEquals("Language not available", unknown.doc().selectFirst("h1").text());
    assertTrue(browser.cookie("lang").isEmpty());

    Page foreign =
        browser.send(
            formPost(app + "/language", Map.of("lang", "de", "return", "//evil.example/x"))
                .header("Origin", origin()));
    assertEquals(302, foreign.status());
    assertEquals(URI.create(app + "/"), foreign.uri().resolve(foreign.location()));
    Page get = browser.get(app + "/language");
    assertEquals(405, get.status(), "a GET changes nothing");
  }

  @Test
  void aSignedInSwitchNeedsTheSessionsCsrfTokenAndComesBackToThePage() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Hedy Lamarr");
    Browser browser = new Browser();
    Journeys.signIn(browser, app, user, "/");
    Page claims = browser.open(app + "/users/id");

    Page forged =
        browser.send(
            formPost(app + "/language", Map.of("lang", "de", "return", "/users/id"))
                .header("Origin", origin()));
    assertEquals(403, forged.status(), "the origin alone is not enough once signed in");

    Page switched = fromOwnPage(browser, claims, "de");
    assertEquals(302, switched.status());
    assertEquals(URI.create(app + "/users/id"), switched.uri().resolve(switched.location()));
    Page german = browser.settle(switched);
    assertEquals("de", german.doc().selectFirst("html").attr("lang"));
    assertEquals("Ansprüche des ID-Tokens", german.doc().selectFirst("h1").text());
    assertEquals("Angemeldet als Hedy Lamarr", german.doc().selectFirst(".who").text());

    // Time claims are dates in the page's language, in UTC.
    Element exp = german.doc().selectFirst("tr:has(th:containsOwn(exp)) td");
    long seconds = Long.parseLong(exp.ownText().trim());
    DateFormat format =
        DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.MEDIUM, Locale.GERMAN);
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    assertEquals(
        "(" + format.format(Date.from(Instant.ofEpochSecond(seconds))) + " UTC)",
        exp.selectFirst(".when").text());
  }

  @Test
  void theTenantsPagesAndEveryMessageFollowThePagesLanguage() throws IOException {
    DevTenantUser user = TestEnvironment.newUser("Clara Campoamor");
    Browser browser = new Browser().alwaysSend("Accept-Language", "es-ES,es;q=0.9");
    Page toTenant = browser.get(app + "/auth/signin");
    assertTrue(toTenant.location().contains("ui_locales=es"), toTenant.location());
    Page login = browser.settle(toTenant);
    assertEquals("es", login.doc().selectFirst("html").attr("lang"));
    assertEquals("Correo electrónico", login.doc().selectFirst("label[for=email]").text());

    Page wrong =
        browser.submit(
            login, "form[action$=/login]", Map.of("email", user.email(), "password", "nope"));
    assertEquals("El correo electrónico o la contraseña no son correctos.", alert(wrong));
    Page home = Journeys.submitLogin(browser, wrong, user);
    assertEquals("¡Hola, Clara Campoamor!", home.doc().selectFirst("h1").text());
    assertEquals("Sesión iniciada como Clara Campoamor", home.doc().selectFirst(".who").text());

    Page mfa = browser.open(app + "/users/updateProfile");
    assertEquals("es", mfa.doc().selectFirst("html").attr("lang"));
    assertEquals("Verifique su correo electrónico", mfa.doc().selectFirst("h1").text());
    Page badCode = browser.submit(mfa, "form[action$=/mfa]", Map.of("otc", "000000x"));
    assertEquals(
        "Ese código no es correcto. Compruebe el último código e inténtelo de nuevo.",
        alert(badCode));
    Page form = Journeys.completeMfa(browser, badCode, user);
    assertEquals("Modifique su perfil", form.doc().selectFirst("h1").text());
    assertEquals(
        "Nombre para mostrar (obligatorio)",
        form.doc().selectFirst("label[for=displayName]").text());

    Map<String, String> values = new LinkedHashMap<>();
    values.put("displayName", "");
    values.put("postalCode", "2".repeat(41));
    Page refused = browser.submit(form, "form#profile-form", values);
    assertEquals(400, refused.status());
    assertEquals(
        "El campo «Nombre para mostrar» es obligatorio.",
        refused.doc().selectFirst("#displayName-error").text());
    assertEquals(
        "El campo «Código postal» admite como máximo 40 caracteres.",
        refused.doc().selectFirst("#postalCode-error").text());

    Page saved =
        browser.settle(
            browser.submit(
                refused,
                "form#profile-form",
                Map.of("displayName", "Clara Campoamor Rodríguez", "postalCode", "28001")));
    assertEquals("Su perfil se ha actualizado.", saved.doc().selectFirst(".notice").text());
    assertEquals("Su perfil", saved.doc().selectFirst("h1").text());
  }

  /** The switcher form of a page the browser is on, as that page's own script-free form posts. */
  private Page fromOwnPage(Browser browser, Page page, String language) throws IOException {
    Element form = page.doc().selectFirst("form[action$=/language]");
    assertNotNull(form, "every page has the switcher");
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[name]")) {
      fields.put(input.attr("name"), input.attr("value"));
    }
    fields.put("lang", language);
    assertFalse(form.select("select[name=lang] option").isEmpty());
    return browser.send(
        formPost(page.uri().resolve(form.attr("action")).toString(), fields)
            .header("Origin", origin()));
  }

  private static String alert(Page page) {
    return page.doc().selectFirst("[role=alert]").text();
  }

  private String origin() {
    URI base = URI.create(app);
    return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
  }

  private static HttpRequest.Builder formPost(String url, Map<String, String> form) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(form)));
  }
}
