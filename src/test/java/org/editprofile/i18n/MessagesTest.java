package org.editprofile.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.editprofile.profile.ProfileField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped texts: complete, well-formed and really translated, in every language. */
class MessagesTest {

  /** Texts that are the same words in every language: product names, codes, a dash. */
  private static final Set<String> SAME_EVERYWHERE =
      Set.of(
          "app.footer",
          "mailbox.code",
          "field.preferredLanguage.example",
          // "No" is Spanish as well as English.
          "value.no");

  /**
   * A view reads a text by key as {@code ${msg['key']}}; a text with arguments is formatted in Java
   * ({@link Text}) and handed to the view whole. A key no bundle has would print nothing, so each
   * one a view names must exist, and those with arguments must not be read without them.
   */
  @Test
  void everyKeyAViewNamesExistsAndTextsWithArgumentsGetThem() throws IOException {
    Messages messages = Messages.load();
    Map<String, String> english = messages.texts(Language.ENGLISH);
    Pattern plain = Pattern.compile("\\$\\{msg\\['([^']+)'\\]\\}");
    List<String> problems = new ArrayList<>();
    int keys = 0;
    try (Stream<Path> views = Files.list(Path.of("webapp", "WEB-INF", "views"))) {
      for (Path view : views.toList()) {
        String source = Files.readString(view);
        for (Matcher m = plain.matcher(source); m.find(); keys++) {
          String key = m.group(1);
          if (!english.containsKey(key)) {
            problems.add(view.getFileName() + ": no text " + key);
          } else if (arguments(english.get(key)) > 0) {
            problems.add(view.getFileName() + ": " + key + " takes arguments, a Text gives them");
          }
        }
        if (source.contains("<fmt:")) {
          // The texts come from the map or from Java, never from a second look-up of its own.
          problems.add(view.getFileName() + ": a fmt tag");
        }
      }
    }
    assertTrue(keys > 30, "the views were read: " + keys);
    assertEquals(List.of(), problems);
    // And the map the views read is the bundle, word for word.
    for (Language language : Language.values()) {
      for (String key : messages.bundle(language).keySet()) {
        assertEquals(messages.bundle(language).getString(key), messages.texts(language).get(key));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {Messages.BUNDLE, "org.editprofile.devtenant.pages"})
  void everyLanguageHasEveryTextWithTheSameArgumentsAndItsOwnWords(String baseName) {
    Messages messages = Messages.load(baseName);
    ResourceBundle english = messages.bundle(Language.ENGLISH);
    List<String> problems = new ArrayList<>();
    for (Language language : Language.values()) {
      ResourceBundle bundle = messages.bundle(language);
      assertEquals(english.keySet(), bundle.keySet(), language.tag());
      for (String key : english.keySet()) {
        String pattern = bundle.getString(key);
        String original = english.getString(key);
        if (pattern.isBlank()) {
          problems.add(language.tag() + " " + key + " is empty");
        }
        if (arguments(pattern) != arguments(original)) {
          problems.add(language.tag() + " " + key + " has other arguments than English");
        }
        if (arguments(pattern) > 0 && pattern.replace("''", "").contains("'")) {
          problems.add(language.tag() + " " + key + " has a single quote MessageFormat would eat");
        }
        if (language != Language.ENGLISH
            && pattern.equals(original)
            && !SAME_EVERYWHERE.contains(key)
            && !key.endsWith(".code")) {
          problems.add(language.tag() + " " + key + " is still English: " + pattern);
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void formatWhenNestedTextThenEachInTheSameLanguage() {
    Messages messages = Messages.load();
    Text tooLong = ProfileField.POSTAL_CODE.problemWith("9".repeat(41)).orElseThrow();
    assertEquals(
        "Postal code must be at most 40 characters.", messages.format(tooLong, Language.ENGLISH));
    assertEquals(
        "El campo «Código postal» admite como máximo 40 caracteres.",
        messages.format(tooLong, Language.SPANISH));
    assertEquals(
        "„Postleitzahl“ darf höchstens 40 Zeichen lang sein.",
        messages.format(tooLong, Language.GERMAN));
  }

  @Test
  void formatWhenSecondsThenTheLanguagesPluralAndNumbers() {
    Messages messages = Messages.load();
    assertEquals(
        "Microsoft Graph está ocupado. Vuelva a intentarlo dentro de 1 segundo.",
        messages.format(Text.of("error.throttledFor.message", 1L), Language.SPANISH));
    assertEquals(
        "Der Anmeldedienst ist ausgelastet. Bitte versuchen Sie es in 1.200 Sekunden erneut.",
        messages.format(Text.of("error.tenantBusy.message", 1200L), Language.GERMAN));
  }

  @Test
  void formatWhenThePatternIsUsedAgainThenEachCallGetsItsOwnArguments() throws Exception {
    Messages messages = Messages.load();
    // The parsed pattern is kept and reused: calls from many request threads at once must each
    // still get their own argument in the words (a cache of words, not patterns, would not).
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> wrong = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t * 100_000;
        wrong.add(
            threads.submit(
                () -> {
                  List<String> problems = new ArrayList<>();
                  for (long n = offset; n < offset + 3000; n++) {
                    String words =
                        messages.format(
                            Text.of("field.isTooLong", "Postal code", n), Language.ENGLISH);
                    String expected =
                        String.format(
                            Locale.ROOT, "Postal code must be at most %,d characters.", n);
                    if (!words.equals(expected)) {
                      problems.add(words + " (" + n + ")");
                    }
                  }
                  return problems;
                }));
      }
      for (Future<List<String>> each : wrong) {
        assertEquals(List.of(), each.get(60, TimeUnit.SECONDS));
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(
        "Microsoft Graph está ocupado. Vuelva a intentarlo dentro de 1 segundo.",
        messages.format(Text.of("error.throttledFor.message", 1L), Language.SPANISH));
  }

  @Test
  void formatWhenNoArgumentsThenThePatternAsWritten() {
    Messages messages = Messages.load();
    String heading = messages.format(Text.of("flash.updated"), Language.GERMAN);
    assertEquals("Ihr Profil wurde aktualisiert.", heading);
    assertFalse(heading.contains("{"));
  }

  private static int arguments(String pattern) {
    return new MessageFormat(pattern).getFormatsByArgumentIndex().length;
  }
}
