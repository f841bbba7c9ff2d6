package org.editprofile.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in user's Graph profile: id and mail (read-only), the editable fields, and the
 * account's facts.
 */
public final class UserProfile {

  private final String id;
  private final String mail;
  private final Map<String, String> values;
  private final AccountFacts account;
  private final List<CustomAttributes.Value> custom;

  public UserProfile(String id, String mail, Map<String, String> values) {
    this(id, mail, values, AccountFacts.UNKNOWN, List.of());
  }

  /**
   * @param custom each declared custom attribute with the customer's value, in declared order
   */
  public UserProfile(
      String id,
      String mail,
      Map<String, String> values,
      AccountFacts account,
      List<CustomAttributes.Value> custom) {
    this.id = id;
    this.mail = mail;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.account = account;
    this.custom = List.copyOf(custom);
  }

  /** The declared custom attributes with the customer's values. */
  public List<CustomAttributes.Value> custom() {
    return custom;
  }

  public AccountFacts account() {
    return account;
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
