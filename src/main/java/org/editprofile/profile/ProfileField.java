package org.editprofile.profile;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.editprofile.i18n.Text;

/**
 * The Graph user properties a customer may change on themselves with PATCH /me, with Graph's
 * limits. The same list guards the browser form, the app's server-side check and the edit profile
 * service, so nothing else can ever be sent (no mass assignment).
 */
public enum ProfileField {
  DISPLAY_NAME("displayName", 256, true),
  GIVEN_NAME("givenName", 64, false),
  SURNAME("surname", 64, false),
  JOB_TITLE("jobTitle", 128, false),
  STREET_ADDRESS("streetAddress", 1024, false),
  CITY("city", 128, false),
  STATE("state", 128, false),
  POSTAL_CODE("postalCode", 40, false),
  COUNTRY("country", 128, false),
  PREFERRED_LANGUAGE("preferredLanguage", 35, false);

  /**
   * A BCP 47 language tag as Graph's preferredLanguage takes it ("en-US"). The same expression is
   * the form field's HTML {@code pattern} (see {@link #getPattern()}), so the browser and the
   * server apply one rule.
   */
  public static final String LANGUAGE_TAG = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}";

  private static final Pattern LANGUAGE_TAG_PATTERN = Pattern.compile(LANGUAGE_TAG);

  private final String graphName;
  private final String labelKey;
  private final int maxLength;
  private final boolean required;

  ProfileField(String graphName, int maxLength, boolean required) {
    this.graphName = graphName;
    this.labelKey = "field." + graphName;
    this.maxLength = maxLength;
    this.required = required;
  }

  public String graphName() {
    return graphName;
  }

  /** The field's label, in the page's language. */
  public Text label() {
    return Text.of(labelKey);
  }

  // Getters for JSP EL, which reads bean properties.
  public String getName() {
    return graphName;
  }

  /** The label's key in the views' texts ({@code ${msg[field.labelKey]}}). */
  public String getLabelKey() {
    return labelKey;
  }

  public int getMaxLength() {
    return maxLength;
  }

  public boolean isRequired() {
    return required;
  }

  public boolean isLanguage() {
    return this == PREFERRED_LANGUAGE;
  }

  /** The HTML pattern the browser checks before the server does; empty when there is none. */
  public String getPattern() {
    return isLanguage() ? LANGUAGE_TAG : "";
  }

  public static List<ProfileField> all() {
    return List.of(values());
  }

  public static Optional<ProfileField> byGraphName(String name) {
    for (ProfileField field : values()) {
      if (field.graphName.equals(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  /** Why this value is not acceptable, or empty when it is. An empty value clears the property. */
  public Optional<Text> problemWith(String value) {
    String v = value == null ? "" : value;
    if (v.isEmpty()) {
      return required ? Optional.of(Text.of("field.isRequired", label())) : Optional.empty();
    }
    if (v.codePointCount(0, v.length()) > maxLength) {
      return Optional.of(Text.of("field.isTooLong", label(), maxLength));
    }
    for (int i = 0; i < v.length(); i++) {
      if (Character.isISOControl(v.charAt(i))) {
        return Optional.of(Text.of("field.hasControlCharacters", label()));
      }
    }
    if (this == PREFERRED_LANGUAGE && !LANGUAGE_TAG_PATTERN.matcher(v).matches()) {
      return Optional.of(Text.of("field.isNotLanguageTag", label()));
    }
    return Optional.empty();
  }
}
