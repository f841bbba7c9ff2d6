package org.editprofile.profile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.editprofile.i18n.Language;
import org.editprofile.i18n.Text;
import org.editprofile.i18n.Translations;

/**
 * The tenant's custom user attributes the app shows: each a directory extension of the tenant's
 * {@code b2c-extensions-app}, which Graph names {@code extension_<that app's client id without
 * hyphens>_<attribute name>} (Microsoft's "Define custom attributes for user flows").
 *
 * @param extensionsAppClientId the {@code b2c-extensions-app}'s application (client) id
 * @param attributes the declared attributes, in the order the pages show them
 */
public record CustomAttributes(String extensionsAppClientId, List<Attribute> attributes) {

  public static final CustomAttributes NONE = new CustomAttributes("", List.of());

  public CustomAttributes {
    attributes = List.copyOf(attributes);
  }

  /** The kinds of value a custom attribute holds, as the admin center offers them. */
  public enum Type {
    STRING,
    INTEGER,
    BOOLEAN
  }

  /**
   * One declared attribute.
   *
   * @param maxLength for a string, the longest value
   * @param labels what each shipped language calls it
   */
  public record Attribute(
      String name,
      Type type,
      int maxLength,
      Optional<Long> min,
      Optional<Long> max,
      Map<Language, String> labels) {

    public Attribute {
      labels = new EnumMap<>(labels);
    }

    public String label(Language language) {
      return labels.getOrDefault(language, labels.get(Language.DEFAULT));
    }

    /** The label as a message argument, put into the page's language when shown. */
    public Translations translatedLabel() {
      return new Translations(labels);
    }

    /**
     * What is wrong with a value typed for it (blank clears it, which is always allowed): a string
     * longer than its limit or with control characters, a number that is not a whole number in its
     * range, a boolean other than {@code true}/{@code false}.
     */
    public Optional<Text> problemWith(String value) {
      if (value.isEmpty()) {
        return Optional.empty();
      }
      return switch (type) {
        case STRING -> {
          if (value.codePointCount(0, value.length()) > maxLength) {
            yield Optional.of(Text.of("field.isTooLong", translatedLabel(), maxLength));
          }
          yield value.chars().anyMatch(Character::isISOControl)
              ? Optional.of(Text.of("field.hasControlCharacters", translatedLabel()))
              : Optional.empty();
        }
        case INTEGER -> {
          Optional<Long> number = wholeNumber(value);
          if (number.isEmpty()
              || min.filter(low -> number.get() < low).isPresent()
              || max.filter(high -> number.get() > high).isPresent()) {
            yield Optional.of(
                Text.of(
                    "field.isNotInRange",
                    translatedLabel(),
                    min.orElse((long) Integer.MIN_VALUE),
                    max.orElse((long) Integer.MAX_VALUE)));
          }
          yield Optional.empty();
        }
        case BOOLEAN ->
            "true".equals(value) || "false".equals(value)
                ? Optional.empty()
                : Optional.of(Text.of("field.notAccepted", translatedLabel()));
      };
    }

    /**
     * The value as Graph stores it (a string, a number or a boolean); null for blank. Only for a
     * value {@link #problemWith} accepted.
     */
    public Object typed(String value) {
      if (value.isEmpty()) {
        return null;
      }
      return switch (type) {
        case STRING -> value;
        case INTEGER -> wholeNumber(value).orElseThrow();
        case BOOLEAN -> Boolean.parseBoolean(value);
      };
    }

    private static Optional<Long> wholeNumber(String value) {
      // Graph's integer extension properties are 32-bit.
      try {
        return Optional.of((long) Integer.parseInt(value));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * One attribute's value for a customer, as text ({@code true}/{@code false} for a boolean).
   *
   * @param value null when the customer has none
   */
  public record Value(Attribute attribute, String value) {}

  public boolean isEmpty() {
    return attributes.isEmpty();
  }

  /** The declared attribute Graph knows by this name. */
  public Optional<Attribute> byGraphName(String graphName) {
    return attributes.stream().filter(a -> graphName(a).equals(graphName)).findFirst();
  }

  /** The property Graph reads and writes the attribute as. */
  public String graphName(Attribute attribute) {
    return "extension_" + extensionsAppClientId.replace("-", "") + "_" + attribute.name();
  }
}
