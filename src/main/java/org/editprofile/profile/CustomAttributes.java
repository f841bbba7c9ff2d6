package org.editprofile.profile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.editprofile.i18n.Language;

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

  /** The property Graph reads and writes the attribute as. */
  public String graphName(Attribute attribute) {
    return "extension_" + extensionsAppClientId.replace("-", "") + "_" + attribute.name();
  }
}
