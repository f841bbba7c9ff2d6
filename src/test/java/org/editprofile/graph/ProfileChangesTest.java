package org.editprofile.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.editprofile.i18n.InEnglish;
import org.junit.jupiter.api.Test;

class ProfileChangesTest {

  private static UserProfile current() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("displayName", "Ada");
    values.put("city", "London");
    values.put("surname", null);
    return new UserProfile("id-1", "ada@example.com", values);
  }

  @Test
  void validateWhenOnlySomeFieldsChangedThenOnlyThoseAreSent() {
    Map<String, String> submitted =
        new HashMap<>(Map.of("displayName", "Ada", "city", "Paris", "surname", ""));
    ProfileChanges changes =
        ProfileChanges.validate(submitted, Optional.of(current())).changes().orElseThrow();
    assertEquals(Map.of("city", "Paris"), changes.values());
  }

  @Test
  void validateWhenFieldClearedThenNullIsSent() {
    Map<String, String> submitted = Map.of("displayName", "Ada", "city", "  ");
    ProfileChanges changes =
        ProfileChanges.validate(submitted, Optional.of(current())).changes().orElseThrow();
    assertTrue(changes.values().containsKey("city"));
    assertEquals(null, changes.values().get("city"));
  }

  @Test
  void validateWhenUnknownOrReadOnlyNamesThenIgnored() {
    Map<String, String> submitted =
        Map.of("displayName", "New", "mail", "x@evil.example", "id", "other", "isAdmin", "1");
    ProfileChanges changes =
        ProfileChanges.validate(submitted, Optional.of(current())).changes().orElseThrow();
    assertEquals(Map.of("displayName", "New"), changes.values());
  }

  @Test
  void validateWhenRulesBrokenThenEveryFieldErrorIsReported() {
    Map<String, String> submitted =
        Map.of(
            "displayName",
            "",
            "givenName",
            "g".repeat(65),
            "preferredLanguage",
            "english please",
            "postalCode",
            "p".repeat(41),
            "city",
            "tab\there");
    Map<String, String> errors =
        InEnglish.of(ProfileChanges.validate(submitted, Optional.empty()).errors());
    assertEquals(5, errors.size(), errors.toString());
    assertEquals("Display name is required.", errors.get("displayName"));
  }

  @Test
  void validateWhenLimitsCountedThenCodePointsCount() {
    Map<String, String> submitted = Map.of("displayName", "\uD83D\uDE00".repeat(256));
    assertTrue(ProfileChanges.validate(submitted, Optional.empty()).errors().isEmpty());
  }

  @Test
  void languageTagsAccepted() {
    for (String tag : new String[] {"en", "en-US", "zh-Hant-TW", "pt-BR"}) {
      assertTrue(ProfileField.PREFERRED_LANGUAGE.problemWith(tag).isEmpty(), tag);
    }
  }
}
