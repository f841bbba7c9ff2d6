package org.editprofile.i18n;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Tests read a {@link Text} as an English visitor would see it. */
public final class InEnglish {

  private static final Messages MESSAGES = Messages.load();

  private InEnglish() {}

  public static String of(Text text) {
    return MESSAGES.format(text, Language.ENGLISH);
  }

  public static Optional<String> of(Optional<Text> text) {
    return text.map(InEnglish::of);
  }

  public static Map<String, String> of(Map<String, Text> texts) {
    Map<String, String> words = new LinkedHashMap<>();
    texts.forEach((key, text) -> words.put(key, of(text)));
    return words;
  }
}
