package org.editprofile.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.editprofile.MutableClock;
import org.editprofile.metrics.AppMetrics;
import org.editprofile.session.MapPendingSignIns;
import org.editprofile.session.MapSessionStore;
import org.editprofile.session.SignedInUser;
import org.editprofile.session.UserSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The step-up decision: to the tenant, or a page after too many tries in a short time. */
class StepUpTest {

  private static final URI AUTHORIZE = URI.create("https://tenant.example/authorize?state=s");
  private static final List<String> MFA = List.of("api://svc/EditProfileService.ReadWrite");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SignInRequests signIns = mock(SignInRequests.class);
  private final StepUp stepUp = new StepUp(signIns, clock, AppMetrics.unscraped());
  private final UserSession session =
      new UserSession(new MapSessionStore(), new MapPendingSignIns());

  @BeforeEach
  void tenantAnswers() {
    when(signIns.start(any(), any(), any())).thenReturn(AUTHORIZE);
  }

  private StepUp.Decision begin() {
    return stepUp.begin(session, MFA, Optional.of("{\"claims\":1}"), "/users/updateProfile");
  }

  @Test
  void beginWhenFirstAskedThenGoesToTheTenantWithScopesClaimsLoginHintAndReturnPath() {
    session.signIn(
        new SignedInUser("home", "oid", "ada@example.com", "Ada", new TreeMap<>()),
        "cache",
        java.time.Instant.now());
    StepUp.Decision decision = begin();
    assertEquals(
        AUTHORIZE, assertInstanceOf(StepUp.Decision.GoToTenant.class, decision).authorizeUrl());
    ArgumentCaptor<SignInRequests.Options> options =
        ArgumentCaptor.forClass(SignInRequests.Options.class);
    verify(signIns).start(eq(session), eq("/users/updateProfile"), options.capture());
    assertEquals(MFA, options.getValue().scopes());
    assertEquals(Optional.of("{\"claims\":1}"), options.getValue().claims());
    assertEquals(Optional.of("ada@example.com"), options.getValue().loginHint());
  }

  @Test
  void beginWhenAskedMoreThanTheCapWithinTheWindowThenCappedAndTheCountStartsAgain() {
    for (int i = 0; i < StepUp.MAX_ATTEMPTS; i++) {
      assertInstanceOf(StepUp.Decision.GoToTenant.class, begin(), "attempt " + (i + 1));
    }
    assertInstanceOf(StepUp.Decision.Capped.class, begin());
    assertTrue(session.stepUpAttempts().isEmpty(), "a later try starts from zero");
    assertInstanceOf(StepUp.Decision.GoToTenant.class, begin());
  }

  @Test
  void beginWhenTheWindowHasPassedThenCountsFromZero() {
    for (int i = 0; i < StepUp.MAX_ATTEMPTS; i++) {
      begin();
    }
    clock.advance(StepUp.WINDOW.plus(Duration.ofSeconds(1)));
    assertInstanceOf(StepUp.Decision.GoToTenant.class, begin());
    assertEquals(1, session.stepUpAttempts().orElseThrow().count());
  }

  @Test
  void succeededWhenTheTokenCameSilentlyThenTheCountIsCleared() {
    begin();
    begin();
    stepUp.succeeded(session);
    assertTrue(session.stepUpAttempts().isEmpty());
  }
}
