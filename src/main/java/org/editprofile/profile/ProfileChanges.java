package org.editprofile.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
   * those that differ from what the form showed. Comparing with the form rather than with Graph's
   * current profile sends only what the user changed, so a change made elsewhere since the form was
   * opened is not overwritten with the stale value the form still holds.
   *
   * @param shown the values the form was opened with, by Graph name (null or blank: empty); a field
   *     missing here counts as changed, so a caller that does not know (the service's API) gets
   *     every submitted field
   */
  public static Validation validate(Map<String, String> submitted, Map<String, String> shown) {
    Map<String, Text> errors = new LinkedHashMap<>();
    Map<String, String> changed = new LinkedHashMap<>();
    for (ProfileField field : ProfileField.values()) {
      if (!submitted.containsKey(field.graphName())) {
        continue;
      }
      String value = normalise(submitted.get(field.graphName()));
      field.problemWith(value).ifPresent(problem -> errors.put(field.graphName(), problem));
      String after = value.isEmpty() ? null : value;
      if (!shown.containsKey(field.graphName())
          || !Objects.equals(normaliseNull(normalise(shown.get(field.graphName()))), after)) {
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
