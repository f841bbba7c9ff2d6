package org.editprofile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

  private record Option(String value, String lang, String selectedWhen, String name) {}

  @Test
  void theSwitcherOffersEveryShippedLanguageUnderItsOwnTagAndName() throws IOException {
    String top =
        Files.readString(
            Path.of("webapp", "WEB-INF", "views", "_top.jspf"), StandardCharsets.UTF_8);
    List<Option> written = new ArrayList<>();
    Matcher option = OPTION.matcher(top);
    while (option.find()) {
      written.add(new Option(option.group(1), option.group(2), option.group(3), option.group(4)));
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
}
