package org.editprofile.config;

import static org.editprofile.config.SettingsLoader.CUSTOM_ATTRIBUTES;
import static org.editprofile.config.SettingsLoader.EXTENSIONS_APP_CLIENT_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.editprofile.i18n.Language;
import org.editprofile.profile.CustomAttributes;
import org.editprofile.profile.CustomAttributes.Attribute;
import org.editprofile.profile.CustomAttributes.Type;

/**
 * The custom attributes the app shows: {@code CUSTOM_ATTRIBUTES}, a JSON array of {@code {"name",
 * "type": "string"|"integer"|"boolean", "maxLength", "min", "max", "labels": {"en", "es", "de"}}},
 * and {@code EXTENSIONS_APP_CLIENT_ID}, the tenant's {@code b2c-extensions-app}. Every mistake is a
 * problem naming the attribute: a page that asked Graph for a misspelt property would fail for
 * every customer.
 */
final class CustomAttributesReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A directory extension's longest string value (Graph's extensionProperty reference). */
  static final int MAX_STRING = 256;

  private static final String GUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  private final SettingReader settings;

  CustomAttributesReader(SettingReader settings) {
    this.settings = settings;
  }

  CustomAttributes read() {
    Optional<String> declared = settings.optional(CUSTOM_ATTRIBUTES);
    Optional<String> app = settings.optional(EXTENSIONS_APP_CLIENT_ID);
    if (declared.isEmpty()) {
      app.ifPresent(
          id ->
              settings.problem(
                  EXTENSIONS_APP_CLIENT_ID
                      + " is set but "
                      + CUSTOM_ATTRIBUTES
                      + " declares no attribute to show"));
      return CustomAttributes.NONE;
    }
    if (app.isEmpty() || !app.get().matches(GUID)) {
      settings.problem(
          EXTENSIONS_APP_CLIENT_ID
              + " must be the application (client) id of the tenant's b2c-extensions-app"
              + " (App registrations > All applications), which names custom attributes in Graph");
    }
    JsonNode root;
    try {
      root = JSON.readTree(declared.get());
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isArray()) {
      settings.problem(CUSTOM_ATTRIBUTES + " must be a JSON array of attributes");
      return CustomAttributes.NONE;
    }
    List<Attribute> attributes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode node : root) {
      attribute(node)
          .ifPresent(
              a -> {
                if (names.add(a.name().toLowerCase(Locale.ROOT))) {
                  attributes.add(a);
                } else {
                  settings.problem(CUSTOM_ATTRIBUTES + ": " + a.name() + " is declared twice");
                }
              });
    }
    return new CustomAttributes(app.orElse(""), attributes);
  }

  private Optional<Attribute> attribute(JsonNode node) {
    String name = node.path("name").asText("");
    // The admin center allows letters, digits and underscores in a custom attribute's name.
    if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,99}")) {
      settings.problem(
          CUSTOM_ATTRIBUTES + ": \"" + name + "\" is not an attribute name (letters, digits, _)");
      return Optional.empty();
    }
    Type type;
    try {
      type = Type.valueOf(node.path("type").asText("").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      settings.problem(
          CUSTOM_ATTRIBUTES + ": " + name + " needs a type: string, integer or boolean");
      return Optional.empty();
    }
    int maxLength = node.path("maxLength").asInt(MAX_STRING);
    if (maxLength < 1 || maxLength > MAX_STRING) {
      settings.problem(CUSTOM_ATTRIBUTES + ": " + name + "'s maxLength must be 1 to " + MAX_STRING);
    }
    Optional<Long> min = node.has("min") ? Optional.of(node.get("min").asLong()) : Optional.empty();
    Optional<Long> max = node.has("max") ? Optional.of(node.get("max").asLong()) : Optional.empty();
    if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
      settings.problem(CUSTOM_ATTRIBUTES + ": " + name + "'s min is above its max");
    }
    Map<Language, String> labels = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      String label = node.path("labels").path(language.tag()).asText("").strip();
      if (label.isEmpty()) {
        settings.problem(
            CUSTOM_ATTRIBUTES
                + ": "
                + name
                + " has no label in "
                + language.tag()
                + " (every shipped language needs one)");
      } else {
        labels.put(language, label);
      }
    }
    return Optional.of(new Attribute(name, type, maxLength, min, max, labels));
  }
}
