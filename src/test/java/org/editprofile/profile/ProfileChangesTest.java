package org.editprofile.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.editprofile.i18n.InEnglish;
import org.junit.jupiter.api.Test;

class ProfileChangesTest {

  /** What the form was opened with: surname was empty in Graph. */
  private static Map<String, String> shown() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("displayName", "Ada");
    values.put("city", "London");
    values.put("surname", null);
    return values;
  }

  @Test
  void validateWhenOnlySomeFieldsChangedThenOnlyThoseAreSent() {
    Map<String, String> submitted =
        new HashMap<>(Map.of("displayName", "Ada", "city", "Paris", "surname", ""));
    ProfileChanges changes = ProfileChanges.validate(submitted, shown()).changes().orElseThrow();
    assertEquals(Map.of("city", "Paris"), changes.values());
  }

  @Test
  void validateWhenFieldClearedThenNullIsSent() {
    Map<String, String> submitted = Map.of("displayName", "Ada", "city", "  ");
    ProfileChanges changes = ProfileChanges.validate(submitted, shown()).changes().orElseThrow();
    assertTrue(changes.values().containsKey("city"));
    assertEquals(null, changes.values().get("city"));
  }

  @Test
  void validateWhenShownValuesDifferOnlyInSurroundingSpaceOrBlanknessThenUnchanged() {
    Map<String, String> submitted = Map.of("displayName", " Ada ", "surname", "   ");
    Map<String, String> shown = Map.of("displayName", "Ada\n", "surname", "");
    assertTrue(ProfileChanges.validate(submitted, shown).changes().orElseThrow().isEmpty());
  }

  @Test
  void validateWhenAFieldHasNoShownValueThenItIsSentEvenIfBlank() {
    Map<String, String> submitted = Map.of("displayName", "Ada", "city", "");
    Map<String, String> city = new HashMap<>();
    city.put("city", null);
    assertEquals(
        city,
        ProfileChanges.validate(submitted, Map.of("displayName", "Ada"))
            .changes()
            .orElseThrow()
            .values());
    assertEquals(
        Map.of("displayName", "Ada"),
        ProfileChanges.validate(Map.of("displayName", "Ada"), Map.of())
            .changes()
            .orElseThrow()
            .values(),
        "a caller that knows nothing shown sends every submitted field");
  }

  @Test
  void validateWhenUnknownOrReadOnlyNamesThenIgnored() {
    Map<String, String> submitted =
        Map.of("displayName", "New", "mail", "x@evil.example", "id", "other", "isAdmin", "1");
    ProfileChanges changes =
        ProfileChanges.validate(submitted, Map.of("mail", "a@b.example", "id", "x"))
            .changes()
            .orElseThrow();
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
        InEnglish.of(ProfileChanges.validate(submitted, Map.of()).errors());
    assertEquals(5, errors.size(), errors.toString());
    assertEquals("Display name is required.", errors.get("displayName"));
  }

  @Test
  void validateWhenLimitsCountedThenCodePointsCount() {
    Map<String, String> submitted = Map.of("displayName", "\uD83D\uDE00".repeat(256));
    assertTrue(ProfileChanges.validate(submitted, Map.of()).errors().isEmpty());
  }

  @Test
  void languageTagsAccepted() {
    for (String tag : new String[] {"en", "en-US", "zh-Hant-TW", "pt-BR"}) {
      assertTrue(ProfileField.PREFERRED_LANGUAGE.problemWith(tag).isEmpty(), tag);
    }
  }
}
