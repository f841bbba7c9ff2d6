package org.editprofile.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.editprofile.i18n.Text;

/**
 * A checked set of new values for allow-listed fields. A null value clears the property in Graph.
 * Built only through {@link #validate}, so holding one means every value passed the field rules.
 */
public final class ProfileChanges {

  private final Map<String, String> values;

  private ProfileChanges(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** Field name to new value, in form order; null means "clear". */
  public Map<String, String> values() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The outcome of validating submitted values. */
  public record Validation(Optional<ProfileChanges> changes, Map<String, Text> errors) {}

  /**
   * Checks submitted values (only allow-listed names are looked at; blank means clear) and keeps
   * those that differ from the current profile, if one is given.
   */
  public static Validation validate(Map<String, String> submitted, Optional<UserProfile> current) {
    Map<String, Text> errors = new LinkedHashMap<>();
    Map<String, String> changed = new LinkedHashMap<>();
    for (ProfileField field : ProfileField.values()) {
      if (!submitted.containsKey(field.graphName())) {
        continue;
      }
      String value = normalise(submitted.get(field.graphName()));
      field.problemWith(value).ifPresent(problem -> errors.put(field.graphName(), problem));
      String before = current.map(p -> p.value(field)).orElse(null);
      String after = value.isEmpty() ? null : value;
      if (current.isEmpty() || !java.util.Objects.equals(normaliseNull(before), after)) {
        changed.put(field.graphName(), after);
      }
    }
    if (!errors.isEmpty()) {
      return new Validation(Optional.empty(), errors);
    }
    return new Validation(Optional.of(new ProfileChanges(changed)), Map.of());
  }

  private static String normalise(String value) {
    return value == null ? "" : value.strip();
  }

  private static String normaliseNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
