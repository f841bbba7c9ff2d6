package org.editprofile.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The pages' words: one resource bundle per shipped language (the views read it as a map, {@link
 * #texts}; Java code formats a {@link Text}, a text with its arguments, with the same bundle and
 * hands the view the words). Loaded once and checked complete at start-up, so a missing translation
 * fails the deploy, not a visitor's page.
 */
public final class Messages {

  public static final String BUNDLE = "org.editprofile.i18n.messages";

  private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);
  private final Map<Language, Map<String, String>> texts = new EnumMap<>(Language.class);

  /**
   * Each pattern with arguments parsed once (on first use, so a broken pattern still fails where it
   * did): the signed-in greeting is formatted on every page, and parsing a pattern costs far more
   * than filling it in. A MessageFormat is not safe to share, so each use formats a copy.
   */
  private final Map<Language, Map<String, MessageFormat>> patterns = new EnumMap<>(Language.class);

  private Messages() {}

  /** The pages' bundle in every shipped language, each with exactly the keys English has. */
  public static Messages load() {
    return load(BUNDLE);
  }

  /** Another set of texts (the dev tenant's pages) under the same rules. */
  public static Messages load(String baseName) {
    Messages messages = new Messages();
    for (Language language : Language.values()) {
      ResourceBundle bundle = read(baseName, language);
      messages.bundles.put(language, bundle);
      messages.patterns.put(language, new ConcurrentHashMap<>());
      messages.texts.put(
          language,
          bundle.keySet().stream()
              .collect(Collectors.toUnmodifiableMap(key -> key, bundle::getString)));
    }
    Set<String> keys = messages.bundles.get(Language.DEFAULT).keySet();
    for (Map.Entry<Language, ResourceBundle> entry : messages.bundles.entrySet()) {
      if (!entry.getValue().keySet().equals(keys)) {
        Set<String> missing = new TreeSet<>(keys);
        missing.removeAll(entry.getValue().keySet());
        throw new MissingResourceException(
            "The " + entry.getKey().tag() + " texts do not match English; missing: " + missing,
            baseName,
            "");
      }
    }
    return messages;
  }

  /**
   * One language's file on its own, without ResourceBundle's parent chain: a key missing in Spanish
   * must be an error, not an English sentence on a Spanish page.
   */
  private static ResourceBundle read(String baseName, Language language) {
    String name =
        baseName.replace('.', '/')
            + (language == Language.DEFAULT ? "" : "_" + language.tag())
            + ".properties";
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new MissingResourceException("No texts for " + language.tag(), baseName, "");
      }
      return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + name, e);
    }
  }

  public ResourceBundle bundle(Language language) {
    return bundles.get(language);
  }

  /**
   * The language's texts by key, as the views read them: {@code ${msg['profile.title']}} prints
   * what {@code <fmt:message key="profile.title"/>} would (a text without arguments is printed as
   * written), for a map look-up instead of a tag, its scope search and a bundle look-up. Texts with
   * arguments are formatted by {@link #format} before the view is rendered.
   */
  public Map<String, String> texts(Language language) {
    return texts.get(language);
  }

  /**
   * The text in words. As with {@code fmt:message}, the pattern goes through MessageFormat only
   * when it has arguments (so an apostrophe is written {@code ''} only in patterns with arguments).
   */
  public String format(Text text, Language language) {
    String pattern = bundles.get(language).getString(text.key());
    if (text.args().isEmpty()) {
      return pattern;
    }
    Object[] args = new Object[text.args().size()];
    for (int i = 0; i < args.length; i++) {
      Serializable arg = text.args().get(i);
      args[i] =
          arg instanceof Text nested
              ? format(nested, language)
              : arg instanceof Translations words ? words.in(language) : arg;
    }
    MessageFormat parsed =
        patterns
            .get(language)
            .computeIfAbsent(text.key(), key -> new MessageFormat(pattern, language.locale()));
    return ((MessageFormat) parsed.clone()).format(args);
  }
}
