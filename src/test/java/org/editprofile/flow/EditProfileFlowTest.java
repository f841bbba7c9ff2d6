package org.editprofile.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.editprofile.Routes;
import org.editprofile.auth.SignInRequests;
import org.editprofile.auth.StepUp;
import org.editprofile.auth.TokenService;
import org.editprofile.graph.GraphClient;
import org.editprofile.graph.GraphException;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.i18n.InEnglish;
import org.editprofile.i18n.Text;
import org.editprofile.metrics.AppMetrics;
import org.editprofile.profile.ProfileChanges;
import org.editprofile.profile.ProfileField;
import org.editprofile.profile.UserProfile;
import org.editprofile.session.MapPendingSignIns;
import org.editprofile.session.MapSessionStore;
import org.editprofile.session.ProfileDraft;
import org.editprofile.session.UserSession;
import org.editprofile.tenant.TenantException;
import org.editprofile.tenant.TokenOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The profile pages' logic: reading, the MFA gate, the step-up, validation and the write. */
class EditProfileFlowTest {

  private static final String MFA_SCOPE = "api://svc/EditProfileService.ReadWrite";
  private static final URI SERVICE = URI.create("https://service.example/api/updateUserInfo");
  private static final URI AUTHORIZE = URI.create("https://tenant.example/authorize?state=s");

  private final TokenService tokens = mock(TokenService.class);
  private final StepUp stepUp = mock(StepUp.class);
  private final GraphClient graph = mock(GraphClient.class);
  private final UserSession session =
      new UserSession(new MapSessionStore(), new MapPendingSignIns());
  private final UserProfile profile =
      new UserProfile("id-1", "ada@example.com", Map.of("displayName", "Ada", "city", "Paris"));

  /** What the edit form was opened with, as it posts it back. */
  private final Map<String, String> shown = profile.getValues();

  private EditProfileFlow throughService =
      new EditProfileFlow(tokens, stepUp, graph, MFA_SCOPE, Optional.of(SERVICE));
  private EditProfileFlow direct =
      new EditProfileFlow(tokens, stepUp, graph, MFA_SCOPE, Optional.empty());

  @BeforeEach
  void signedInWithMfaAndGraphAnswering() {
    when(tokens.acquire(session, List.of(MFA_SCOPE))).thenReturn(acquired("mfa-token"));
    when(tokens.acquire(session, GraphClient.USER_READ, Optional.empty()))
        .thenReturn(acquired("read-token"));
    when(tokens.acquire(session, GraphClient.USER_READ_WRITE)).thenReturn(acquired("write-token"));
    when(graph.me("read-token")).thenReturn(profile);
    when(stepUp.begin(eq(session), any(), any(), anyString()))
        .thenReturn(new StepUp.Decision.GoToTenant(AUTHORIZE));
  }

  private static TokenOutcome acquired(String token) {
    return new TokenOutcome.Acquired(token);
  }

  private static GraphException graphFails(Reason reason) {
    return new GraphException(reason, "failed", Map.of(), null, null, null);
  }

  private static Map<String, String> form(String displayName, String city) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("displayName", displayName);
    values.put("city", city);
    return values;
  }

  private ProfileChanges sentThroughService() {
    ArgumentCaptor<ProfileChanges> changes = ArgumentCaptor.forClass(ProfileChanges.class);
    verify(graph).updateThroughService(eq(SERVICE), eq("mfa-token"), changes.capture());
    return changes.getValue();
  }

  private void assertDraftKept(Map<String, String> typed, Text notice) {
    ProfileDraft draft = session.takeDraft().orElseThrow();
    assertEquals(typed, draft.values());
    assertEquals(Optional.of(shown), draft.shownWhenKept(), "what the form showed, kept too");
    assertEquals(notice, draft.notice());
  }

  // Reading the profile

  @Test
  void showProfileWhenGraphAnswersThenTheProfileWithTheFlashShownOnce() {
    session.setFlash(EditProfileFlow.UPDATED);
    ProfileOutcome.ShowProfile shown =
        assertInstanceOf(ProfileOutcome.ShowProfile.class, throughService.showProfile(session));
    assertSame(profile, shown.profile());
    assertEquals(Optional.of("Your profile was updated."), InEnglish.of(shown.flash()));
    assertEquals(
        Optional.empty(),
        ((ProfileOutcome.ShowProfile) throughService.showProfile(session)).flash());
  }

  @Test
  void showProfileWhenTheTenantNeedsTheUserThenAStepUpBackToTheProfile() {
    when(tokens.acquire(session, GraphClient.USER_READ, Optional.empty()))
        .thenReturn(new TokenOutcome.NeedsUser(Optional.of("{\"c\":1}")));
    ProfileOutcome outcome = throughService.showProfile(session);
    assertEquals(
        AUTHORIZE, assertInstanceOf(ProfileOutcome.GoToTenant.class, outcome).authorizeUrl());
    verify(stepUp)
        .begin(session, GraphClient.USER_READ, Optional.of("{\"c\":1}"), Routes.SHOW_PROFILE);
  }

  @Test
  void showProfileWhenGraphSendsAClaimsChallengeThenRetriedSilentlyOnceWithTheClaims() {
    String claims = "{\"access_token\":{\"nbf\":{\"essential\":true}}}";
    when(graph.me("read-token"))
        .thenThrow(
            new GraphException(Reason.CLAIMS_CHALLENGE, "cae", Map.of(), claims, null, null));
    when(tokens.acquire(session, GraphClient.USER_READ, Optional.of(claims)))
        .thenReturn(acquired("fresh-token"));
    when(graph.me("fresh-token")).thenReturn(profile);
    assertInstanceOf(ProfileOutcome.ShowProfile.class, throughService.showProfile(session));
    verify(stepUp, never()).begin(any(), any(), any(), anyString());
  }

  @Test
  void showProfileWhenGraphChallengesTwiceThenAStepUpWithTheClaims() {
    GraphException challenge =
        new GraphException(Reason.CLAIMS_CHALLENGE, "cae", Map.of(), "{\"c\":2}", null, null);
    when(graph.me(anyString())).thenThrow(challenge);
    when(tokens.acquire(session, GraphClient.USER_READ, Optional.of("{\"c\":2}")))
        .thenReturn(acquired("fresh-token"));
    assertInstanceOf(ProfileOutcome.GoToTenant.class, throughService.showProfile(session));
    verify(stepUp)
        .begin(session, GraphClient.USER_READ, Optional.of("{\"c\":2}"), Routes.SHOW_PROFILE);
  }

  @Test
  void showProfileWhenGraphFailsThenFailedWithThatFailure() {
    GraphException down = graphFails(Reason.UNAVAILABLE);
    when(graph.me("read-token")).thenThrow(down);
    assertSame(
        down,
        assertInstanceOf(ProfileOutcome.Failed.class, throughService.showProfile(session))
            .failure());
  }

  @Test
  void showProfileWhenStepUpsAreCappedThenCapped() {
    when(tokens.acquire(session, GraphClient.USER_READ, Optional.empty()))
        .thenReturn(new TokenOutcome.NeedsUser(Optional.empty()));
    when(stepUp.begin(eq(session), any(), any(), anyString()))
        .thenReturn(new StepUp.Decision.Capped());
    assertInstanceOf(ProfileOutcome.StepUpCapped.class, throughService.showProfile(session));
  }

  // The edit form

  @Test
  void openFormWhenMfaIsNeededThenAStepUpForTheMfaScopeBackToTheForm() {
    when(tokens.acquire(session, List.of(MFA_SCOPE)))
        .thenReturn(new TokenOutcome.NeedsUser(Optional.of("{\"acrs\":1}")));
    assertInstanceOf(ProfileOutcome.GoToTenant.class, throughService.openForm(session));
    verify(stepUp)
        .begin(session, List.of(MFA_SCOPE), Optional.of("{\"acrs\":1}"), Routes.EDIT_PROFILE_FORM);
    verify(graph, never()).me(anyString());
  }

  @Test
  void openFormWhenMfaIsDoneThenTheProfilesValuesAndTheStepUpCountCleared() {
    ProfileOutcome.ShowForm form =
        assertInstanceOf(ProfileOutcome.ShowForm.class, throughService.openForm(session));
    assertEquals(200, form.status());
    assertEquals(profile.getValues(), form.values());
    assertEquals(profile.getValues(), form.shown());
    assertTrue(form.notice().isEmpty());
    verify(stepUp).succeeded(session);
  }

  @Test
  void openFormWhenGraphChallengesEveryReadAfterMfaThenTheRealCapStopsTheFourthRound() {
    SignInRequests signIns = mock(SignInRequests.class);
    when(signIns.start(eq(session), anyString(), any())).thenReturn(AUTHORIZE);
    EditProfileFlow flow =
        new EditProfileFlow(
            tokens,
            new StepUp(signIns, Clock.systemUTC(), AppMetrics.unscraped()),
            graph,
            MFA_SCOPE,
            Optional.of(SERVICE));
    GraphException challenge =
        new GraphException(
            Reason.CLAIMS_CHALLENGE, "challenge", Map.of(), "{\"acrs\":1}", null, null);
    when(graph.me(anyString())).thenThrow(challenge);
    when(tokens.acquire(session, GraphClient.USER_READ, Optional.of("{\"acrs\":1}")))
        .thenReturn(acquired("read-token-2"));
    for (int round = 1; round <= StepUp.MAX_ATTEMPTS; round++) {
      assertInstanceOf(ProfileOutcome.GoToTenant.class, flow.openForm(session), "round " + round);
    }
    assertInstanceOf(ProfileOutcome.StepUpCapped.class, flow.openForm(session));
  }

  @Test
  void openFormWhenADraftWasKeptThenItPrefillsTheFormOnceComparedWithWhatItsFormShowed() {
    Map<String, String> typed = form("Ada L.", "Lyon");
    Map<String, String> shownBefore = form("Ada", "Rome");
    session.keepDraft(ProfileDraft.of(typed, shownBefore, EditProfileFlow.KEPT));
    ProfileOutcome.ShowForm form =
        assertInstanceOf(ProfileOutcome.ShowForm.class, throughService.openForm(session));
    assertEquals(typed, form.values());
    assertEquals(shownBefore, form.shown(), "not the profile read now");
    assertEquals(Optional.of(EditProfileFlow.KEPT), form.notice());
    assertTrue(session.takeDraft().isEmpty(), "shown once");
  }

  @Test
  void openFormWhenADraftFromAnOlderSessionKnowsNoShownValuesThenTheProfileReadNow() {
    Map<String, String> typed = form("Ada L.", "Lyon");
    session.keepDraft(new ProfileDraft(new LinkedHashMap<>(typed), null, EditProfileFlow.KEPT));
    ProfileOutcome.ShowForm form =
        assertInstanceOf(ProfileOutcome.ShowForm.class, throughService.openForm(session));
    assertEquals(typed, form.values());
    assertEquals(profile.getValues(), form.shown());
  }

  // Saving

  @Test
  void saveWhenMfaIsNeededThenNothingIsWrittenTheDraftIsKeptAndAStepUpBackToTheForm() {
    when(tokens.acquire(session, List.of(MFA_SCOPE)))
        .thenReturn(new TokenOutcome.NeedsUser(Optional.empty()));
    Map<String, String> typed = form("Ada L.", "Lyon");
    assertInstanceOf(ProfileOutcome.GoToTenant.class, throughService.save(session, typed, shown));
    verify(graph, never()).updateThroughService(any(), any(), any());
    verify(graph, never()).updateMe(any(), any());
    assertDraftKept(typed, EditProfileFlow.VERIFY_FIRST);
  }

  @Test
  void saveWhenAValueIsInvalidThenTheFormAgainWith400AndNothingRead() {
    Map<String, String> typed = form("", "Lyon");
    ProfileOutcome.ShowForm form =
        assertInstanceOf(ProfileOutcome.ShowForm.class, throughService.save(session, typed, shown));
    assertEquals(400, form.status());
    assertNull(form.profile());
    assertEquals(typed, form.values());
    assertEquals(shown, form.shown(), "the form keeps what it was opened with");
    assertTrue(form.errors().containsKey("displayName"), form.errors().toString());
    verify(graph, never()).me(anyString());
  }

  @Test
  void saveWhenNothingChangedThenBackToTheProfileSayingSoWithoutAReadOrAWrite() {
    assertInstanceOf(
        ProfileOutcome.BackToProfile.class,
        throughService.save(session, form("Ada", "Paris"), shown));
    assertEquals(Optional.of(EditProfileFlow.NOTHING_CHANGED), session.takeFlash());
    verify(graph, never()).updateThroughService(any(), any(), any());
    verify(graph, never()).me(anyString());
  }

  @Test
  void saveThroughTheServiceSendsOnlyTheChangedFieldsWithTheMfaTokenWithoutReadingFirst() {
    assertInstanceOf(
        ProfileOutcome.BackToProfile.class,
        throughService.save(session, form("Ada", "Lyon"), shown));
    assertEquals(Map.of("city", "Lyon"), sentThroughService().values());
    assertEquals(Optional.of(EditProfileFlow.UPDATED), session.takeFlash());
    verify(graph, never()).updateMe(any(), any());
    verify(graph, never()).me(anyString());
    verify(stepUp).succeeded(session);
  }

  @Test
  void saveDirectlyUsesTheAppsOwnUserReadWriteTokenAfterTheMfaGate() {
    assertInstanceOf(
        ProfileOutcome.BackToProfile.class, direct.save(session, form("Bea", "Paris"), shown));
    ArgumentCaptor<ProfileChanges> changes = ArgumentCaptor.forClass(ProfileChanges.class);
    verify(graph).updateMe(eq("write-token"), changes.capture());
    assertEquals(Map.of("displayName", "Bea"), changes.getValue().values());
    verify(tokens).acquire(session, List.of(MFA_SCOPE));
  }

  @Test
  void saveDirectlyWhenTheWriteTokenNeedsTheUserThenAStepUpForUserReadWrite() {
    when(tokens.acquire(session, GraphClient.USER_READ_WRITE))
        .thenReturn(new TokenOutcome.NeedsUser(Optional.empty()));
    Map<String, String> typed = form("Bea", "Paris");
    assertInstanceOf(ProfileOutcome.GoToTenant.class, direct.save(session, typed, shown));
    verify(stepUp)
        .begin(session, GraphClient.USER_READ_WRITE, Optional.empty(), Routes.EDIT_PROFILE_FORM);
    verify(graph, never()).updateMe(any(), any());
    assertDraftKept(typed, EditProfileFlow.KEPT);
  }

  @Test
  void saveWhenGraphRefusesAValueThenTheFormWithItsFieldErrors() {
    doThrow(
            new GraphException(
                Reason.INVALID_INPUT,
                "refused",
                Map.of("city", Text.of("field.notAccepted", ProfileField.CITY.label())),
                null,
                null,
                null))
        .when(graph)
        .updateThroughService(any(), any(), any());
    ProfileOutcome.ShowForm form =
        assertInstanceOf(
            ProfileOutcome.ShowForm.class,
            throughService.save(session, form("Ada", "Lyon"), shown));
    assertEquals(400, form.status());
    assertNull(form.profile());
    assertEquals(shown, form.shown());
    assertEquals(Map.of("city", "City: the value was not accepted."), InEnglish.of(form.errors()));
  }

  @Test
  void saveWhenTheServiceAsksForClaimsThenAStepUpForTheMfaScopeWithThemAndTheDraftKept() {
    doThrow(
            new GraphException(
                Reason.CLAIMS_CHALLENGE, "claims", Map.of(), "{\"acrs\":2}", null, null))
        .when(graph)
        .updateThroughService(any(), any(), any());
    Map<String, String> typed = form("Ada", "Lyon");
    assertInstanceOf(ProfileOutcome.GoToTenant.class, throughService.save(session, typed, shown));
    verify(stepUp)
        .begin(session, List.of(MFA_SCOPE), Optional.of("{\"acrs\":2}"), Routes.EDIT_PROFILE_FORM);
    assertDraftKept(typed, EditProfileFlow.VERIFY_FIRST);
  }

  @Test
  void saveDirectlyWhenGraphAsksForClaimsThenAStepUpForUserReadWrite() {
    doThrow(
            new GraphException(
                Reason.CLAIMS_CHALLENGE, "claims", Map.of(), "{\"c\":3}", null, null))
        .when(graph)
        .updateMe(any(), any());
    assertInstanceOf(
        ProfileOutcome.GoToTenant.class, direct.save(session, form("Bea", "Paris"), shown));
    verify(stepUp)
        .begin(
            session,
            GraphClient.USER_READ_WRITE,
            Optional.of("{\"c\":3}"),
            Routes.EDIT_PROFILE_FORM);
  }

  @Test
  void saveWhenTheWriteFailsThenFailedAndTheDraftKept() {
    GraphException throttled = graphFails(Reason.THROTTLED);
    doThrow(throttled).when(graph).updateThroughService(any(), any(), any());
    Map<String, String> typed = form("Ada", "Lyon");
    assertSame(
        throttled,
        assertInstanceOf(ProfileOutcome.Failed.class, throughService.save(session, typed, shown))
            .failure());
    assertDraftKept(typed, EditProfileFlow.NOT_SAVED_YET);
  }

  @Test
  void saveWhenAFieldChangedElsewhereSinceTheFormOpenedThenThatChangeIsNotOverwritten() {
    // Graph's city is now Berlin (another device); this form still shows Paris and the user
    // changed only the name.
    when(graph.me("read-token"))
        .thenReturn(
            new UserProfile(
                "id-1", "ada@example.com", Map.of("displayName", "Ada", "city", "Berlin")));
    assertInstanceOf(
        ProfileOutcome.BackToProfile.class,
        throughService.save(session, form("Ada Lovelace", "Paris"), shown));
    assertEquals(Map.of("displayName", "Ada Lovelace"), sentThroughService().values());
  }

  @Test
  void saveWhenTheFormCarriesNoShownValuesThenEveryPostedFieldIsSent() {
    assertInstanceOf(
        ProfileOutcome.BackToProfile.class,
        throughService.save(session, form("Ada", "Paris"), Map.of()));
    assertEquals(Map.of("displayName", "Ada", "city", "Paris"), sentThroughService().values());
  }

  @Test
  void saveWhenTheTenantFailsThenTheDraftIsKeptAndTheFailureRethrown() {
    when(tokens.acquire(session, List.of(MFA_SCOPE))).thenThrow(new TenantException("unreachable"));
    Map<String, String> typed = form("Ada", "Lyon");
    assertThrows(TenantException.class, () -> throughService.save(session, typed, shown));
    assertDraftKept(typed, EditProfileFlow.NOT_SAVED_YET);
  }
}
