package org.editprofile.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShownValuesTest {

  @Test
  void decodeWhenEncodedThenTheSameValuesComeBackEmptyForNull() {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put("displayName", "Zoë & Co = 100% \"real\"");
    shown.put("streetAddress", "1 Rue de la Paix\r\nBât. B");
    shown.put("city", "東京");
    shown.put("surname", null);
    shown.put("jobTitle", "a+b");
    Map<String, String> expected = new LinkedHashMap<>(shown);
    expected.put("surname", "");
    assertEquals(expected, ShownValues.decode(ShownValues.encode(shown)));
  }

  @Test
  void encodeWhenAValueHoldsMarkupThenOnlyUnreservedAndPercentEncodedCharactersAreWritten() {
    String encoded = ShownValues.encode(Map.of("city", "<script>alert('x')</script> é"));
    assertTrue(encoded.matches("city=[A-Za-z0-9%+*._-]*"), encoded);
  }

  @Test
  void decodeKeepsOnlyAllowListedNamesAndTheFirstOfEach() {
    assertEquals(
        Map.of("city", "Paris"),
        ShownValues.decode("mail=x%40evil.example&city=Paris&id=other&city=Lyon&isAdmin=1"));
  }

  @Test
  void decodeWhenAbsentEmptyOrMalformedThenNothingAndNoFailure() {
    assertEquals(Map.of(), ShownValues.decode(null));
    assertEquals(Map.of(), ShownValues.decode(""));
    assertEquals(Map.of(), ShownValues.decode("&&=&%zz=%"));
    assertEquals(Map.of("city", ""), ShownValues.decode("city"));
    assertEquals(Map.of("city", "%zz"), ShownValues.decode("city=%zz"));
  }
}
