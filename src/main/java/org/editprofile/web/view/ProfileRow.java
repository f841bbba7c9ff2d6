package org.editprofile.web.view;

/**
 * One line of the profile page: the field's label in the page's language and the user's value (null
 * when Graph has none). Built by the servlet, so the view prints two properties per line instead of
 * resolving the label's key and the value's field through two maps.
 */
public final class ProfileRow {

  private final String label;
  private final String value;

  public ProfileRow(String label, String value) {
    this.label = label;
    this.value = value;
  }

  public String getLabel() {
    return label;
  }

  public String getValue() {
    return value;
  }
}
