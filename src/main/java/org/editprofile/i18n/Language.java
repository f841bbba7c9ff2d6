package org.editprofile.i18n;

import java.util.ArrayList;
import java.util.Arrays;
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

  private static final List<String> TAGS = Arrays.stream(values()).map(Language::tag).toList();

  private final String tag;
  private final Locale locale;
  private final String nativeName;
  private final String nativeNameHtml;

  Language(String tag, String nativeName) {
    this.tag = tag;
    this.locale = Locale.forLanguageTag(tag);
    this.nativeName = nativeName;
    StringBuilder html = new StringBuilder();
    nativeName
        .codePoints()
        .forEach(c -> html.append(c < 0x80 ? Character.toString(c) : "&#" + c + ";"));
    this.nativeNameHtml = html.toString();
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

  /**
   * The name in itself as HTML in ASCII (a letter beyond it as a character reference): the header
   * lists these, and a page whose beginning is ASCII stays on the UTF-8 encoder's fast path (see
   * docs/performance.md). Made of constants only, so the view prints it as it is.
   */
  public String getNativeNameHtml() {
    return nativeNameHtml;
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
