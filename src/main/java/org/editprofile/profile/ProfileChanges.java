package org.editprofile.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.editprofile.i18n.Text;

/**
 * A checked set of new values for allow-listed fields and declared custom attributes. A null value
 * clears the property in Graph. Built only through {@link #validate}, so holding one means every
 * value passed its rules.
 */
public final class ProfileChanges {

  private final Map<String, String> values;
  private final Map<String, Object> attributes;

  private ProfileChanges(Map<String, String> values, Map<String, Object> attributes) {
    this.values = Collections.unmodifiableMap(values);
    this.attributes = Collections.unmodifiableMap(attributes);
  }

  /** Built-in field name to new value, in form order; null means "clear". */
  public Map<String, String> values() {
    return values;
  }

  /**
   * Custom attribute (its Graph name) to new value, typed as Graph stores it (a string, a number or
   * a boolean); null means "clear".
   */
  public Map<String, Object> attributes() {
    return attributes;
  }

  /** Whether writing these needs the service's application permission (custom attributes do). */
  public boolean hasAttributes() {
    return !attributes.isEmpty();
  }

  /** Everything to write, as one Graph PATCH body. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>(values);
    body.putAll(attributes);
    return body;
  }

  public boolean isEmpty() {
    return values.isEmpty() && attributes.isEmpty();
  }

  /** The outcome of validating submitted values. */
  public record Validation(Optional<ProfileChanges> changes, Map<String, Text> errors) {}

  /** {@link #validate(Map, Map, CustomAttributes)} without custom attributes. */
  public static Validation validate(Map<String, String> submitted, Map<String, String> shown) {
    return validate(submitted, shown, CustomAttributes.NONE);
  }

  /**
   * Checks submitted values (only allow-listed names and the given attributes' Graph names are
   * looked at; blank means clear) and keeps those that differ from what the form showed. Comparing
   * with the form rather than with Graph's current profile sends only what the user changed, so a
   * change made elsewhere since the form was opened is not overwritten with the stale value the
   * form still holds.
   *
   * @param shown the values the form was opened with, by Graph name (null or blank: empty); a field
   *     missing here counts as changed, so a caller that does not know (the service's API) gets
   *     every submitted field
   * @param writable the custom attributes this save may change
   */
  public static Validation validate(
      Map<String, String> submitted, Map<String, String> shown, CustomAttributes writable) {
    Map<String, Text> errors = new LinkedHashMap<>();
    Map<String, String> changed = new LinkedHashMap<>();
    for (ProfileField field : ProfileField.values()) {
      String name = field.graphName();
      if (!submitted.containsKey(name)) {
        continue;
      }
      String value = normalise(submitted.get(name));
      field.problemWith(value).ifPresent(problem -> errors.put(name, problem));
      if (differs(shown, name, value)) {
        changed.put(name, value.isEmpty() ? null : value);
      }
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (CustomAttributes.Attribute attribute : writable.attributes()) {
      String name = writable.graphName(attribute);
      if (!submitted.containsKey(name)) {
        continue;
      }
      String value = normalise(submitted.get(name));
      Optional<Text> problem = attribute.problemWith(value);
      if (problem.isPresent()) {
        errors.put(name, problem.get());
      } else if (differs(shown, name, value)) {
        attributes.put(name, attribute.typed(value));
      }
    }
    if (!errors.isEmpty()) {
      return new Validation(Optional.empty(), errors);
    }
    return new Validation(Optional.of(new ProfileChanges(changed, attributes)), Map.of());
  }

  private static boolean differs(Map<String, String> shown, String name, String value) {
    return !shown.containsKey(name)
        || !Objects.equals(normaliseNull(normalise(shown.get(name))), normaliseNull(value));
  }

  private static String normalise(String value) {
    return value == null ? "" : value.strip();
  }

  private static String normaliseNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
