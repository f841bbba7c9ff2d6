package org.editprofile.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es | es",
        "es-AR | es",
        "DE-at | de",
        "fr;q=1, de;q=0.4, es;q=0.5 | es",
        "*;q=1, de;q=0.1 | de",
        "es;q=0, de;q=0.1 | de",
        "pt-BR | en",
        "en-US, es | en",
        "zh-Hant-TW, de | de",
        "x;;q==2 | en"
      })
  void negotiateWhenAcceptLanguageThenTheBestShippedLanguage(String header, String expected) {
    assertEquals(expected, Language.negotiate(header).tag());
  }

  @Test
  void negotiateWhenMissingBlankOrHugeThenEnglish() {
    assertEquals(Language.ENGLISH, Language.negotiate(null));
    assertEquals(Language.ENGLISH, Language.negotiate("  "));
    assertEquals(Language.ENGLISH, Language.negotiate("de," + "x-abc,".repeat(200)));
  }

  @Test
  void bestMatchWhenNothingShippedMatchesThenEmpty() {
    assertEquals(Optional.empty(), Language.bestMatch("fr, it"));
    assertEquals(Optional.of(Language.GERMAN), Language.bestMatch("fr, de-DE"));
  }

  @Test
  void byTagWhenExactTagThenLanguageElseEmpty() {
    assertEquals(Optional.of(Language.SPANISH), Language.byTag("ES"));
    assertEquals(Optional.empty(), Language.byTag("es-ES"));
    assertEquals(Optional.empty(), Language.byTag(null));
  }

  @Test
  void nativeNameHtmlIsAsciiAndReadsAsTheName() {
    for (Language language : Language.values()) {
      String html = language.getNativeNameHtml();
      assertTrue(html.chars().allMatch(c -> c < 0x80), html);
      String read =
          java.util.regex.Pattern.compile("&#([0-9]+);")
              .matcher(html)
              .replaceAll(r -> Character.toString(Integer.parseInt(r.group(1))));
      assertEquals(language.nativeName(), read);
    }
    assertEquals("Espa&#241;ol", Language.SPANISH.getNativeNameHtml());
  }
}
