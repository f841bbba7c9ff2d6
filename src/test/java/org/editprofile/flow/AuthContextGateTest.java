package org.editprofile.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.editprofile.Routes;
import org.editprofile.auth.StepUp;
import org.editprofile.auth.TokenService;
import org.editprofile.graph.GraphClient;
import org.editprofile.graph.GraphException;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.profile.UserProfile;
import org.editprofile.session.MapPendingSignIns;
import org.editprofile.session.MapSessionStore;
import org.editprofile.session.SignedInUser;
import org.editprofile.session.UserSession;
import org.editprofile.tenant.TokenOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The MFA gate in auth-context mode: the form and every write need a sign-in whose ID token named
 * the context, and each step-up asks the tenant for it.
 */
class AuthContextGateTest {

  private static final String SCOPE = "api://svc/EditProfileService.ReadWrite";
  private static final URI SERVICE = URI.create("https://service.example/api/updateUserInfo");
  private static final URI AUTHORIZE = URI.create("https://tenant.example/authorize?state=s");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TokenService tokens = mock(TokenService.class);
  private final StepUp stepUp = mock(StepUp.class);
  private final GraphClient graph = mock(GraphClient.class);
  private final UserSession session =
      new UserSession(new MapSessionStore(), new MapPendingSignIns());
  private final UserProfile profile =
      new UserProfile("id-1", "ada@example.com", Map.of("displayName", "Ada", "city", "Paris"));

  private final EditProfileFlow throughService =
      new EditProfileFlow(
          tokens,
          stepUp,
          graph,
          new EditProfileFlow.StepUpMode.AuthContext("c1", Optional.of(SCOPE)),
          Optional.of(SERVICE));
  private final EditProfileFlow direct =
      new EditProfileFlow(
          tokens,
          stepUp,
          graph,
          new EditProfileFlow.StepUpMode.AuthContext("c1", Optional.empty()),
          Optional.empty());

  @BeforeEach
  void tokensAndGraphAnswer() {
    when(tokens.acquire(session, List.of(SCOPE))).thenReturn(new TokenOutcome.Acquired("svc"));
    when(tokens.acquire(session, GraphClient.USER_READ_WRITE))
        .thenReturn(new TokenOutcome.Acquired("write"));
    when(tokens.acquire(session, GraphClient.USER_READ, Optional.empty()))
        .thenReturn(new TokenOutcome.Acquired("read"));
    when(graph.me("read")).thenReturn(profile);
    when(stepUp.begin(eq(session), any(), any(), anyString()))
        .thenReturn(new StepUp.Decision.GoToTenant(AUTHORIZE));
  }

  private void signedIn(List<String> contexts) {
    session.signIn(
        new SignedInUser("oid.tid", "oid", "ada@example.com", "Ada", new TreeMap<>(), contexts),
        "sealed",
        Instant.now());
  }

  /** The claims the step-up asked for, read as JSON. */
  private JsonNode askedClaims(List<String> scopes) throws Exception {
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Optional<String>> claims = ArgumentCaptor.forClass(Optional.class);
    verify(stepUp).begin(eq(session), eq(scopes), claims.capture(), eq(Routes.EDIT_PROFILE_FORM));
    return JSON.readTree(claims.getValue().orElseThrow());
  }

  private static void assertAsksForC1(JsonNode claims) {
    for (String token : List.of("id_token", "access_token")) {
      assertEquals("c1", claims.path(token).path("acrs").path("value").asText(), claims.toString());
      assertEquals(true, claims.path(token).path("acrs").path("essential").asBoolean());
    }
  }

  @Test
  void openFormWhenTheSignInDidNotMeetTheContextThenAStepUpAskingForIt() throws Exception {
    signedIn(List.of());
    assertInstanceOf(ProfileOutcome.GoToTenant.class, throughService.openForm(session));
    assertAsksForC1(askedClaims(List.of(SCOPE)));
    verifyNoInteractions(graph);
  }

  @Test
  void openFormWhenAnotherContextWasMetThenStillAStepUp() throws Exception {
    signedIn(List.of("c2"));
    assertInstanceOf(ProfileOutcome.GoToTenant.class, direct.openForm(session));
    assertAsksForC1(askedClaims(GraphClient.USER_READ_WRITE));
  }

  @Test
  void openFormWhenTheContextWasMetThenTheForm() {
    signedIn(List.of("c1"));
    assertInstanceOf(ProfileOutcome.ShowForm.class, throughService.openForm(session));
    verify(stepUp).succeeded(session);
  }

  @Test
  void saveWithoutTheContextThenNothingIsWrittenAndTheTypedValuesWait() throws Exception {
    signedIn(List.of());
    Map<String, String> typed = Map.of("displayName", "Grace", "city", "Paris");
    assertInstanceOf(
        ProfileOutcome.GoToTenant.class, throughService.save(session, typed, profile.getValues()));
    assertAsksForC1(askedClaims(List.of(SCOPE)));
    verify(graph, never()).updateThroughService(any(), any(), any());
    assertEquals(typed, session.takeDraft().orElseThrow().values());
  }

  @Test
  void saveWithTheContextOnTheDirectPathThenTheGatesOwnTokenWrites() {
    signedIn(List.of("c1"));
    assertInstanceOf(
        ProfileOutcome.BackToProfile.class,
        direct.save(session, Map.of("displayName", "Grace", "city", "Paris"), profile.getValues()));
    verify(graph).updateMe(eq("write"), any());
    verify(tokens, never()).acquire(session, List.of(SCOPE));
  }

  @Test
  void saveWhenTheServiceChallengesThenTheStepUpMergesItsClaimsWithTheContext() throws Exception {
    signedIn(List.of("c1"));
    String challenge = "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1700000000\"}}}";
    org.mockito.Mockito.doThrow(
            new GraphException(Reason.CLAIMS_CHALLENGE, "claims", Map.of(), challenge, null, null))
        .when(graph)
        .updateThroughService(eq(SERVICE), eq("svc"), any());
    assertInstanceOf(
        ProfileOutcome.GoToTenant.class,
        throughService.save(
            session, Map.of("displayName", "Grace", "city", "Paris"), profile.getValues()));
    JsonNode asked = askedClaims(List.of(SCOPE));
    assertAsksForC1(asked);
    assertEquals("1700000000", asked.path("access_token").path("nbf").path("value").asText());
  }
}
