package org.editprofile.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.editprofile.i18n.Text;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private static List<String> fields(String current, String proposed, String confirmation) {
    return PasswordPolicy.check(current, proposed, confirmation).stream()
        .map(PasswordPolicy.FieldError::field)
        .toList();
  }

  @Test
  void aPasswordWithThreeKindsOfCharacterAndTheRightLengthPasses() {
    assertEquals(List.of(), fields("Old-Pw-1", "new-pass-7", "new-pass-7"));
    assertEquals(List.of(), fields("Old-Pw-1", "NewPass7", "NewPass7"));
    assertEquals(List.of(), fields("Old-Pw-1", "ÉCOLE-été", "ÉCOLE-été"));
  }

  @Test
  void eachRuleNamesItsField() {
    assertEquals(List.of("currentPassword"), fields("", "new-pass-7", "new-pass-7"));
    assertEquals(List.of("newPassword"), fields("Old-Pw-1", "Sh0rt!", "Sh0rt!"));
    String tooLong = "a".repeat(250) + "B1!!!!!";
    assertEquals(List.of("newPassword"), fields("Old-Pw-1", tooLong, tooLong));
    assertEquals(List.of("newPassword"), fields("Old-Pw-1", "onlylowercase", "onlylowercase"));
    assertEquals(List.of("newPassword"), fields("Old-Pw-1", "Old-Pw-1", "Old-Pw-1"));
    assertEquals(List.of("confirmPassword"), fields("Old-Pw-1", "new-pass-7", "new-pass-8"));
  }

  @Test
  void theMessagesSayWhatTheRulesAre() {
    assertEquals(
        Text.of("password.kinds", 3),
        PasswordPolicy.check("x", "lowercase1", "lowercase1").get(0).message());
    assertEquals(
        Text.of("password.length", 8, 256),
        PasswordPolicy.check("x", "aB1!", "aB1!").get(0).message());
  }
}
