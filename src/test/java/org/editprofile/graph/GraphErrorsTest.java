package org.editprofile.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.i18n.InEnglish;
import org.junit.jupiter.api.Test;

class GraphErrorsTest {

  private static HttpOutcome outcome(int status, String auth, String body) {
    return new HttpOutcome(
        status,
        Optional.ofNullable(auth),
        Optional.of(Duration.ofSeconds(7)),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void fromWhenGraph400NamesAPropertyThenFieldErrorWithOurWording() {
    GraphException e =
        GraphErrors.from(
            outcome(
                400,
                null,
                "{\"error\":{\"code\":\"Request_BadRequest\",\"message\":\"Invalid value specified for property 'surname' of resource 'User'.\"}}"));
    assertEquals(Reason.INVALID_INPUT, e.reason());
    assertEquals(
        "Surname: the value was not accepted.", InEnglish.of(e.fieldErrors().get("surname")));
  }

  @Test
  void fromWhenServiceProblemHasErrorsThenEachFieldInOurWordsAndLanguage() {
    GraphException e =
        GraphErrors.from(
            outcome(
                400,
                null,
                "{\"title\":\"Bad request\",\"errors\":{\"city\":\"City must be at most 128 characters.\"}}"));
    // The service's English sentence is not shown: the page says it in the visitor's language.
    assertEquals(
        Map.of("city", "City: the value was not accepted."), InEnglish.of(e.fieldErrors()));
  }

  @Test
  void fromWhen401WithClaimsChallengeThenDecodedClaims() {
    String claims = "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1\"}}}";
    String header =
        "Bearer realm=\"\", error=\"insufficient_claims\", claims=\""
            + Base64.getEncoder().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
            + "\"";
    GraphException e = GraphErrors.from(outcome(401, header, ""));
    assertEquals(Reason.CLAIMS_CHALLENGE, e.reason());
    assertEquals(claims, e.claims().orElseThrow());
  }

  @Test
  void fromWhenOtherStatusesThenTheirKinds() {
    assertEquals(Reason.UNAUTHORIZED, GraphErrors.from(outcome(401, "Bearer", "")).reason());
    assertEquals(Reason.FORBIDDEN, GraphErrors.from(outcome(403, null, "")).reason());
    GraphException throttled = GraphErrors.from(outcome(429, null, ""));
    assertEquals(Reason.THROTTLED, throttled.reason());
    assertEquals(Duration.ofSeconds(7), throttled.retryAfter().orElseThrow());
    assertEquals(
        Reason.UNAVAILABLE, GraphErrors.from(outcome(503, null, "<html>oops</html>")).reason());
  }

  @Test
  void fromWhen404ThenGoneOnlyWhenTheObjectIsNamedMissing() {
    assertEquals(
        Reason.NOT_FOUND,
        GraphErrors.from(
                outcome(
                    404,
                    null,
                    "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"Resource"
                        + " 'x' does not exist.\"}}"))
            .reason());
    assertEquals(
        Reason.NOT_FOUND,
        GraphErrors.from(outcome(404, null, "{\"status\":404,\"code\":\"account_gone\"}")).reason(),
        "the edit profile service's word for it");
    // A wrong Graph or service address is not a deleted account.
    assertEquals(Reason.UNAVAILABLE, GraphErrors.from(outcome(404, null, "<html/>")).reason());
    assertEquals(
        Reason.UNAVAILABLE,
        GraphErrors.from(outcome(404, null, "{\"error\":{\"code\":\"BadRequest\"}}")).reason());
  }

  @Test
  void fromWhen401InsufficientUserAuthenticationThenStaleSignIn() {
    assertEquals(
        Reason.STALE_SIGN_IN,
        GraphErrors.from(
                outcome(
                    401,
                    "Bearer realm=\"x\", error=\"insufficient_user_authentication\", max_age=300",
                    ""))
            .reason());
  }

  @Test
  void fromWhenBodyIsNotJsonThenGenericMessageNotTheBody() {
    GraphException e = GraphErrors.from(outcome(400, null, "<b>internal detail</b>"));
    assertFalse(
        InEnglish.of(e.fieldErrors()).values().stream()
            .anyMatch(v -> v.contains("internal detail")));
  }
}
