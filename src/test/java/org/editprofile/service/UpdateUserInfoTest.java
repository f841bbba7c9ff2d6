package org.editprofile.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.editprofile.graph.GraphClient;
import org.editprofile.graph.GraphException;
import org.editprofile.http.Problem;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.i18n.Messages;
import org.editprofile.i18n.Text;
import org.editprofile.profile.ProfileChanges;
import org.editprofile.profile.ProfileField;
import org.editprofile.tenant.TenantException;
import org.editprofile.tenant.TokenOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

/** The edit profile service's token and body checks and its on-behalf-of mapping. */
class UpdateUserInfoTest {

  private static final String TOKEN = "caller-token";
  private static final String JSON = "application/json";
  private static final UUID USER = UUID.fromString("6f1c1d0e-5b1a-4c53-9d0e-0a6b7c8d9e01");

  private final BearerTokenValidator tokens = mock(BearerTokenValidator.class);
  private final OnBehalfOfClient onBehalfOf = mock(OnBehalfOfClient.class);
  private final GraphClient graph = mock(GraphClient.class);
  private final UpdateUserInfo service =
      new UpdateUserInfo(tokens, onBehalfOf, graph, Messages.load());
  private final AtomicBoolean bodyRead = new AtomicBoolean();

  @BeforeEach
  void aValidCallerAndATenantThatExchanges() {
    when(tokens.validate(TOKEN))
        .thenReturn(
            new BearerTokenValidator.Check.Accepted(
                new JWTClaimsSet.Builder().claim("oid", USER.toString()).build()));
    when(onBehalfOf.exchange(TOKEN)).thenReturn(new TokenOutcome.Acquired("graph-token"));
  }

  private UpdateUserInfo.Outcome call(String authorization, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return service.handle(
        new UpdateUserInfo.Request(
            authorization,
            contentType,
            limit -> {
              bodyRead.set(true);
              return java.util.Arrays.copyOf(bytes, Math.min(limit, bytes.length));
            }));
  }

  private UpdateUserInfo.Outcome save(String body) throws IOException {
    return call("Bearer " + TOKEN, JSON, body);
  }

  private static Problem refused(UpdateUserInfo.Outcome answer, int status) {
    Problem problem = assertInstanceOf(UpdateUserInfo.Outcome.Refused.class, answer).problem();
    assertEquals(status, problem.status(), problem.toString());
    return problem;
  }

  private void assertNoGraphCall() {
    verify(graph, never()).updateMe(anyString(), any());
  }

  @Test
  void handleWhenTokenAndBodyAreValidThenGraphIsPatchedOnBehalfOfTheUser() throws IOException {
    assertInstanceOf(
        UpdateUserInfo.Outcome.Updated.class, save("{\"city\":\"Lyon\",\"jobTitle\":null}"));
    ArgumentCaptor<ProfileChanges> changes = ArgumentCaptor.forClass(ProfileChanges.class);
    verify(graph).updateMe(eq("graph-token"), changes.capture());
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("city", "Lyon");
    expected.put("jobTitle", null);
    assertEquals(expected, changes.getValue().values());
  }

  @Test
  void handleWhenTheContextIsMissingAndTheClientCanStepUpThen401WithAClaimsChallenge()
      throws IOException {
    String claims = "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}";
    when(tokens.validate(TOKEN))
        .thenReturn(new BearerTokenValidator.Check.MissingAuthContext("c1", Optional.of(claims)));
    Problem problem = refused(save("{\"city\":\"Lyon\"}"), 401);
    assertEquals(
        UpdateUserInfo.REALM
            + ", error=\"insufficient_claims\", claims=\""
            + Base64.getEncoder().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
            + "\", cc_type=\"authcontext\"",
        problem.headers().get("WWW-Authenticate"));
    assertEquals(claims, problem.extra().get("claims"));
    assertEquals("c1", problem.extra().get("requiredAuthContext"));
    assertFalse(bodyRead.get(), "nothing is read before the token passes");
    verifyNoInteractions(onBehalfOf);
    assertNoGraphCall();
  }

  @Test
  void handleWhenTheContextIsMissingAndTheClientCannotStepUpThen403NamingIt() throws IOException {
    when(tokens.validate(TOKEN))
        .thenReturn(new BearerTokenValidator.Check.MissingAuthContext("c1", Optional.empty()));
    Problem problem = refused(save("{\"city\":\"Lyon\"}"), 403);
    assertTrue(problem.detail().contains("authentication context c1"), problem.detail());
    assertEquals("c1", problem.extra().get("requiredAuthContext"));
    assertFalse(problem.headers().containsKey("WWW-Authenticate"));
    verifyNoInteractions(onBehalfOf);
    assertNoGraphCall();
  }

  @Test
  void handleWhenNoBearerTokenThen401WithTheRealmAndTheBodyUnread() throws IOException {
    Problem problem = refused(call(null, JSON, "{}"), 401);
    assertEquals(UpdateUserInfo.REALM, problem.headers().get("WWW-Authenticate"));
    refused(call("Basic abc", JSON, "{}"), 401);
    refused(call("Bearer ", JSON, "{}"), 401);
    assertFalse(bodyRead.get(), "the body is not read for an unauthenticated caller");
    verifyNoInteractions(onBehalfOf);
  }

  @Test
  void handleWhenTheTokenIsInvalidThen401NamingInvalidToken() throws IOException {
    when(tokens.validate("bad"))
        .thenReturn(BearerTokenValidator.Check.Rejected.invalid("The access token is not valid"));
    Problem problem = refused(call("Bearer bad", JSON, "{\"city\":\"x\"}"), 401);
    assertTrue(problem.headers().get("WWW-Authenticate").contains("error=\"invalid_token\""));
    verifyNoInteractions(onBehalfOf);
    assertNoGraphCall();
  }

  @Test
  void handleWhenTheTokenLacksTheScopeThen403InsufficientScope() throws IOException {
    when(tokens.validate("narrow"))
        .thenReturn(new BearerTokenValidator.Check.Rejected("insufficient_scope", "lacks scope"));
    Problem problem = refused(call("Bearer narrow", JSON, "{\"city\":\"x\"}"), 403);
    assertTrue(problem.headers().get("WWW-Authenticate").contains("insufficient_scope"));
    assertNoGraphCall();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not JSON            | {city:                     | 400",
        "an array            | [1]                        | 400",
        "unknown field       | {\"mail\":\"x@example.com\"} | 400",
        "number value        | {\"city\":5}               | 400",
        "nothing to change   | {}                         | 400",
        "too long for Graph  | {\"postalCode\":\""
            + "1234567890123456789012345678901234567890X"
            + "\"} | 400",
        "duplicate key       | {\"city\":\"a\",\"city\":\"b\"} | 400",
      })
  void handleWhenTheBodyIsRefusedThenNoExchangeAndNoGraphCall(String name, String body, int status)
      throws IOException {
    refused(save(body), status);
    verifyNoInteractions(onBehalfOf);
    assertNoGraphCall();
  }

  @Test
  void handleWhenNotJsonThen415() throws IOException {
    refused(call("Bearer " + TOKEN, "text/plain", "city=Lyon"), 415);
    assertFalse(bodyRead.get());
  }

  @Test
  void handleWhenTheBodyIsTooLargeThen413() throws IOException {
    refused(save("{\"city\":\"" + "x".repeat(UpdateUserInfo.MAX_BODY_BYTES) + "\"}"), 413);
    assertNoGraphCall();
  }

  @Test
  void handleWhenTheExchangeNeedsTheUserThen401InsufficientClaimsWithTheClaims()
      throws IOException {
    String claims = "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}";
    when(onBehalfOf.exchange(TOKEN)).thenReturn(new TokenOutcome.NeedsUser(Optional.of(claims)));
    Problem problem = refused(save("{\"city\":\"Lyon\"}"), 401);
    String header = problem.headers().get("WWW-Authenticate");
    assertTrue(header.contains("error=\"insufficient_claims\""), header);
    assertTrue(
        header.contains(
            "claims=\""
                + Base64.getEncoder().encodeToString(claims.getBytes(StandardCharsets.UTF_8))),
        header);
    assertEquals(claims, problem.extra().get("claims"));
    assertNoGraphCall();
  }

  @Test
  void handleWhenTheTenantFailsTheExchangeThen502() throws IOException {
    when(onBehalfOf.exchange(TOKEN)).thenThrow(new TenantException("down"));
    refused(save("{\"city\":\"Lyon\"}"), 502);
    assertNoGraphCall();
  }

  @Test
  void handleWhenTheTenantRefusesTheServicesOwnCredentialThen503() throws IOException {
    when(onBehalfOf.exchange(TOKEN))
        .thenThrow(TenantException.appCredential("AADSTS7000215: Invalid client secret", null));
    refused(save("{\"city\":\"Lyon\"}"), 503);
    assertNoGraphCall();
  }

  @ParameterizedTest(name = "Graph {0} -> {1}")
  @CsvSource({
    "INVALID_INPUT, 400, false",
    "CLAIMS_CHALLENGE, 401, true",
    "UNAUTHORIZED, 502, true",
    "FORBIDDEN, 403, false",
    "THROTTLED, 429, false",
    "UNAVAILABLE, 502, false"
  })
  void handleWhenGraphFailsThenMappedAndARefusedGraphTokenForgotten(
      Reason reason, int status, boolean forgotten) throws IOException {
    doThrow(
            new GraphException(
                reason,
                "failed",
                Map.of("city", Text.of("field.notAccepted", ProfileField.CITY.label())),
                "{\"c\":1}",
                Duration.ofSeconds(30),
                null))
        .when(graph)
        .updateMe(anyString(), any());
    Problem problem = refused(save("{\"city\":\"Lyon\"}"), status);
    if (reason == Reason.THROTTLED) {
      assertEquals("30", problem.headers().get("Retry-After"));
    }
    if (reason == Reason.INVALID_INPUT) {
      assertEquals(
          Map.of("city", "City: the value was not accepted."), problem.extra().get("errors"));
    }
    if (forgotten) {
      verify(onBehalfOf).forget(TOKEN);
    } else {
      verify(onBehalfOf, never()).forget(anyString());
    }
  }
}
