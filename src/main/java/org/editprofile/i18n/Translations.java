package org.editprofile.i18n;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * Words an operator gave in each shipped language (a custom attribute's label), usable as a {@link
 * Text} argument: {@link Messages#format} picks the page's language, else the default one.
 */
public record Translations(Map<Language, String> byLanguage) implements Serializable {

  public Translations {
    byLanguage = new EnumMap<>(byLanguage);
  }

  public String in(Language language) {
    return byLanguage.getOrDefault(language, byLanguage.get(Language.DEFAULT));
  }
}
