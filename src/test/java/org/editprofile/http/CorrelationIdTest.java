package org.editprofile.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which incoming id a request adopts, and that nothing else offered ever becomes one. */
class CorrelationIdTest {

  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private static String idFor(Map<String, String> headers) {
    return CorrelationId.forRequest(headers::get);
  }

  @Test
  void aGuidGivenAsRequestIdOrClientRequestIdIsAdopted() {
    assertEquals(
        "0f8fad5b-d9cb-469f-a165-70867728950e",
        idFor(Map.of("X-Request-Id", "0F8FAD5B-D9CB-469F-A165-70867728950E")));
    assertEquals(
        "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        idFor(Map.of("client-request-id", "7c9e6679-7425-40de-944b-e07fc1f90ae7")));
  }

  @Test
  void aValidTraceparentGivesItsTraceIdAsAGuid() {
    assertEquals(
        "4bf92f35-77b3-4da6-a3ce-929d0e0e4736",
        idFor(Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));
  }

  @Test
  void anythingElseOfferedIsIgnoredForAFreshGuid() {
    for (Map<String, String> offered :
        new Map[] {
          Map.of(),
          Map.of("X-Request-Id", "hello\nforged log line"),
          Map.of("X-Request-Id", "0f8fad5b-d9cb-469f-a165-70867728950e-and-more"),
          Map.of("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"),
          Map.of("traceparent", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        }) {
      String id = idFor(offered);
      assertTrue(GUID.matcher(id).matches(), id);
      assertNotEquals("4bf92f35-77b3-4da6-a3ce-929d0e0e4736", id);
    }
    assertNotEquals(idFor(Map.of()), idFor(Map.of()), "a new one each time");
  }

  /** A new id is a well-formed random GUID, as Entra and Graph expect a client-request-id. */
  @Test
  void aNewIdIsAVersionFourGuidAndNeverRepeats() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = CorrelationId.newGuid();
      assertTrue(GUID.matcher(id).matches(), id);
      UUID parsed = UUID.fromString(id);
      assertEquals(4, parsed.version(), id);
      assertEquals(2, parsed.variant(), id);
      assertTrue(seen.add(id), "repeated " + id);
    }
  }
}
