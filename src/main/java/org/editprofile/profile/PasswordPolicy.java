package org.editprofile.profile;

import java.util.ArrayList;
import java.util.List;
import org.editprofile.i18n.Text;

/**
 * The password rules of an External ID tenant's local accounts, checked before Graph is asked, so
 * the customer learns what is wrong in their own words: 8 to 256 characters, and at least three of
 * lowercase letters, uppercase letters, digits and symbols (Microsoft's "Password policies and
 * account restrictions in Microsoft Entra ID"; the same rules the tenant's sign-up page applies).
 * Graph checks again and has the last word.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 256;
  public static final int CHARACTER_KINDS = 3;

  private PasswordPolicy() {}

  /**
   * What is wrong with the form's three fields, by field name; empty when the change may be sent.
   */
  public static List<FieldError> check(String current, String proposed, String confirmation) {
    List<FieldError> errors = new ArrayList<>();
    if (current == null || current.isEmpty()) {
      errors.add(new FieldError("currentPassword", Text.of("password.currentMissing")));
    }
    if (proposed == null || proposed.length() < MIN_LENGTH || proposed.length() > MAX_LENGTH) {
      errors.add(new FieldError("newPassword", Text.of("password.length", MIN_LENGTH, MAX_LENGTH)));
    } else if (kinds(proposed) < CHARACTER_KINDS) {
      errors.add(new FieldError("newPassword", Text.of("password.kinds", CHARACTER_KINDS)));
    } else if (proposed.equals(current)) {
      errors.add(new FieldError("newPassword", Text.of("password.same")));
    }
    if (proposed != null && !proposed.equals(confirmation)) {
      errors.add(new FieldError("confirmPassword", Text.of("password.mismatch")));
    }
    return List.copyOf(errors);
  }

  /** How many of the four kinds of character the password has. */
  static int kinds(String password) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean symbol = false;
    for (int i = 0; i < password.length(); i++) {
      char c = password.charAt(i);
      if (Character.isLowerCase(c)) {
        lower = true;
      } else if (Character.isUpperCase(c)) {
        upper = true;
      } else if (Character.isDigit(c)) {
        digit = true;
      } else {
        symbol = true;
      }
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
  }

  /** One field's problem. */
  public record FieldError(String field, Text message) {}
}
