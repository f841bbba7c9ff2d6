package org.editprofile.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the pages are written in. A visitor gets the one they chose with the switcher, else
 * the best match of their browser's Accept-Language among these, else English.
 */
public enum Language {
  ENGLISH("en", "English"),
  SPANISH("es", "Español"),
  GERMAN("de", "Deutsch");

  public static final Language DEFAULT = ENGLISH;

  /** Longer headers are not parsed (browsers send a few dozen characters). */
  public static final int MAX_HEADER_LENGTH = 512;

  private static final List<String> TAGS = List.of("en", "es", "de");

  private final String tag;
  private final Locale locale;
  private final String nativeName;

  Language(String tag, String nativeName) {
    this.tag = tag;
    this.locale = Locale.forLanguageTag(tag);
    this.nativeName = nativeName;
  }

  /** The BCP 47 tag: {@code lang} on the page, ui_locales for the tenant, the switcher's value. */
  public String tag() {
    return tag;
  }

  public Locale locale() {
    return locale;
  }

  // Getters for JSP EL.
  public String getTag() {
    return tag;
  }

  /** The language's name in itself, as the switcher (in the views' header) lists it. */
  public String nativeName() {
    return nativeName;
  }

  /** The shipped language with exactly this tag (case-insensitive). */
  public static Optional<Language> byTag(String tag) {
    for (Language language : values()) {
      if (language.tag.equalsIgnoreCase(tag)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  /**
   * The best shipped language for an Accept-Language header (RFC 4647 lookup: "es-MX" finds "es";
   * weights are honoured and q=0 means "not this one"); English when none matches or the header is
   * missing or malformed.
   */
  public static Language negotiate(String acceptLanguage) {
    return bestMatch(acceptLanguage).orElse(DEFAULT);
  }

  /** The best shipped language for a list of language ranges, if any matches. */
  public static Optional<Language> bestMatch(String ranges) {
    if (ranges == null || ranges.isBlank() || ranges.length() > MAX_HEADER_LENGTH) {
      return Optional.empty();
    }
    return lookup(ranges);
  }

  private static Optional<Language> lookup(String ranges) {
    List<Locale.LanguageRange> wanted = new ArrayList<>();
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(ranges)) {
        if (range.getWeight() > 0 && !range.getRange().equals("*")) {
          wanted.add(range);
        }
      }
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
    String tag = Locale.lookupTag(wanted, TAGS);
    return tag == null ? Optional.empty() : byTag(tag);
  }
}
