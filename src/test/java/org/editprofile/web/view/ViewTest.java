package org.editprofile.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.editprofile.i18n.Language;
import org.editprofile.i18n.Messages;
import org.junit.jupiter.api.Test;

class ViewTest {

  @Test
  void everyViewHasItsJspAndEveryJspItsView() throws IOException {
    Set<String> files;
    try (Stream<Path> views = Files.list(Path.of("webapp", "WEB-INF", "views"))) {
      files =
          views
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".jsp"))
              .map(n -> n.substring(0, n.length() - ".jsp".length()))
              .collect(Collectors.toSet());
    }
    assertEquals(files, Arrays.stream(View.values()).map(View::file).collect(Collectors.toSet()));
  }

  /** A title is printed as it is written: it must exist and take no arguments. */
  @Test
  void everyTitleIsAShippedTextWithoutArguments() {
    Map<String, String> english = Messages.load().texts(Language.ENGLISH);
    for (View view : View.values()) {
      if (view == View.ERROR) {
        assertTrue(view.titleKey().isEmpty(), "the error page's title is the error's");
        continue;
      }
      String key = view.titleKey().orElseThrow();
      assertTrue(english.containsKey(key), view + ": no text " + key);
      assertFalse(english.get(key).contains("{0"), view + ": " + key + " takes arguments");
    }
  }

  /**
   * The dates the pages print come from each language's medium pattern read once; they must read
   * exactly as the JDK's localized medium style does, in every shipped language, for times across
   * the year (month names, day and hour widths, noon and midnight).
   */
  @Test
  void theFixedDatePatternPrintsWhatTheLocalizedStyleDoes() {
    for (Language language : Language.values()) {
      DateTimeFormatter localized =
          DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
              .withLocale(language.locale())
              .withZone(ZoneOffset.UTC);
      DateTimeFormatter fixed = Views.mediumDateTime(language.locale());
      for (long seconds = 0; seconds < 4_000_000_000L; seconds += 7_654_321) {
        Instant at = Instant.ofEpochSecond(seconds);
        assertEquals(localized.format(at), fixed.format(at), language + " at " + at);
      }
      Instant noon = Instant.parse("2026-12-02T12:00:00Z");
      assertEquals(localized.format(noon), fixed.format(noon), language + " at noon");
      Instant midnight = Instant.parse("2026-01-01T00:00:00Z");
      assertEquals(localized.format(midnight), fixed.format(midnight), language + " at midnight");
    }
  }
}
