package org.editprofile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.editprofile.i18n.Language;
import org.junit.jupiter.api.Test;

/**
 * The header's language switcher lists the shipped languages written out in the view, not looped
 * over: it must offer exactly {@link Language}'s, in its order, each under its own tag and name,
 * selected when it is the page's language.
 */
class LanguageSwitcherTest {

  private static final Pattern OPTION =
      Pattern.compile(
          "<option value=\"([^\"]*)\" lang=\"([^\"]*)\"\\$\\{lang\\.tag == '([^']*)' \\?"
              + " ' selected' : ''\\}>([^<]*)</option>");

  private static final Pattern DECIMAL_REFERENCE = Pattern.compile("&#([0-9]+);");

  private record Option(String value, String lang, String selectedWhen, String name) {}

  @Test
  void theSwitcherOffersEveryShippedLanguageUnderItsOwnTagAndName() throws IOException {
    String top = header();
    List<Option> written = new ArrayList<>();
    Matcher option = OPTION.matcher(top);
    while (option.find()) {
      written.add(
          new Option(
              option.group(1),
              option.group(2),
              option.group(3),
              referencesResolved(option.group(4))));
    }
    List<Option> shipped = new ArrayList<>();
    for (Language language : Language.values()) {
      shipped.add(
          new Option(language.tag(), language.tag(), language.tag(), language.nativeName()));
    }
    assertEquals(shipped, written);
    assertEquals(
        Language.values().length,
        top.split("<option", -1).length - 1,
        "every option of the switcher is in the checked form");
  }

  /**
   * Every page begins with the header: a character beyond ASCII in it (a language's name) would
   * send the rest of each page through the UTF-8 encoder's slow loop, so it is written as a
   * character reference.
   */
  @Test
  void theHeaderIsAscii() throws IOException {
    String top = header();
    for (int i = 0; i < top.length(); i++) {
      assertTrue(top.charAt(i) < 0x80, "U+" + Integer.toHexString(top.charAt(i)) + " at " + i);
    }
  }

  private static String header() throws IOException {
    return Files.readString(
        Path.of("webapp", "WEB-INF", "views", "_top.jspf"), StandardCharsets.UTF_8);
  }

  /** The option's text as the browser shows it: decimal character references resolved. */
  private static String referencesResolved(String html) {
    return DECIMAL_REFERENCE
        .matcher(html)
        .replaceAll(r -> Character.toString(Integer.parseInt(r.group(1))));
  }
}
