package org.editprofile.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The signed-in user's Graph profile: id and mail (read-only) and the editable fields. */
public final class UserProfile {

  private final String id;
  private final String mail;
  private final Map<String, String> values;

  public UserProfile(String id, String mail, Map<String, String> values) {
    this.id = id;
    this.mail = mail;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public String value(ProfileField field) {
    return values.get(field.graphName());
  }

  // Getters for JSP EL.
  public String getId() {
    return id;
  }

  public String getMail() {
    return mail;
  }

  /** Editable field name to value (null when unset). */
  public Map<String, String> getValues() {
    return values;
  }
}
