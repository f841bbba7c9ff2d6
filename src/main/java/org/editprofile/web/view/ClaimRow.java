package org.editprofile.web.view;

/**
 * One line of the claims page: the claim's name and value and, for a time claim, its date in the
 * page's language (else null). Built by the servlet, so the view prints three properties per line
 * instead of looking each claim's name up in a map of dates twice.
 */
public final class ClaimRow {

  private final String name;
  private final String value;
  private final String when;

  public ClaimRow(String name, String value, String when) {
    this.name = name;
    this.value = value;
    this.when = when;
  }

  public String getName() {
    return name;
  }

  public String getValue() {
    return value;
  }

  public String getWhen() {
    return when;
  }
}
