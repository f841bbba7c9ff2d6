package org.editprofile.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.TokenCache;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.editprofile.MutableClock;
import org.editprofile.graph.GraphClient;
import org.editprofile.i18n.InEnglish;
import org.editprofile.session.MapPendingSignIns;
import org.editprofile.session.MapSessionStore;
import org.editprofile.session.PendingSignIn;
import org.editprofile.session.SignedInUser;
import org.editprofile.session.TokenCacheCipher;
import org.editprofile.session.UserSession;
import org.editprofile.tenant.MsalApps;
import org.editprofile.tenant.TenantException;
import org.editprofile.tenant.TokenOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Every branch of the authorization response, without a container or a tenant. */
class SignInCallbackTest {

  private static final URI REDIRECT = URI.create("https://app.example/auth/redirect");
  private static final Duration LIFETIME = Duration.ofMinutes(10);
  private static final String HOME_ACCOUNT = "oid-1.tid-1";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final MsalApps apps = mock(MsalApps.class);
  private final ConfidentialClientApplication app = mock(ConfidentialClientApplication.class);
  private final IdTokenVerifier idTokens = mock(IdTokenVerifier.class);
  private final TokenCacheCipher cipher = TokenCacheCipher.ephemeral();
  private final TokenService tokens = new TokenService(apps, cipher, clock);
  private final SignInCallback callback =
      new SignInCallback(apps, idTokens, cipher, tokens, REDIRECT, clock);
  private final MapSessionStore store = new MapSessionStore();
  private final MapPendingSignIns browser = new MapPendingSignIns();
  private final UserSession session = new UserSession(store, browser);
  private PendingSignIn pending;

  @BeforeEach
  void aSignInIsPending() {
    when(apps.newClient(any())).thenReturn(app);
    pending = pend("/users/id", false);
  }

  private PendingSignIn pend(String returnPath, boolean restart) {
    PendingSignIn created =
        PendingSignIn.create(returnPath, List.of(), restart, clock.instant(), LIFETIME);
    session.addPendingSignIn(created, clock.instant());
    return created;
  }

  private CallbackOutcome respond(String state, String code) {
    return callback.handle(session, new SignInCallback.Response(state, code, null, null));
  }

  private IAuthenticationResult tenantIssues(String oid) {
    IAccount account = mock(IAccount.class);
    when(account.homeAccountId()).thenReturn(oid + ".tid-1");
    when(account.username()).thenReturn("ada@example.com");
    IAuthenticationResult result = mock(IAuthenticationResult.class);
    when(result.idToken()).thenReturn("id-token");
    when(result.account()).thenReturn(account);
    when(app.acquireToken(any(AuthorizationCodeParameters.class)))
        .thenReturn(CompletableFuture.completedFuture(result));
    TokenCache cache = mock(TokenCache.class);
    when(cache.serialize()).thenReturn("{\"serialized\":\"cache\"}");
    when(app.tokenCache()).thenReturn(cache);
    when(app.getAccounts()).thenReturn(CompletableFuture.completedFuture(Set.of()));
    return result;
  }

  private void idTokenIs(IdTokenVerifier.Check check) {
    when(idTokens.verify(anyString(), anyString())).thenReturn(check);
  }

  private static IdTokenVerifier.Check verified(String oid) throws Exception {
    return new IdTokenVerifier.Check.Verified(
        new IDTokenClaimsSet(
            new JWTClaimsSet.Builder()
                .issuer("https://tenant.example/v2.0")
                .subject("sub-" + oid)
                .audience("client-1")
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
                .issueTime(new Date())
                .claim("oid", oid)
                .claim("name", "Ada")
                .build()));
  }

  private static CallbackOutcome.Rejected assertRejected(
      CallbackOutcome outcome, int status, String title) {
    CallbackOutcome.Rejected rejected = assertInstanceOf(CallbackOutcome.Rejected.class, outcome);
    assertEquals(status, rejected.status());
    assertEquals(title, InEnglish.of(rejected.title()));
    return rejected;
  }

  /**
   * Two callbacks with one state at once: each request carries its own copy of the browser's
   * cookie, so only the node's own bookkeeping can tell the second one it came too late. The first
   * redemption lasts until the second has had its answer, so the two overlap for certain.
   */
  @Test
  void handleWhenTwoCallbacksWithOneStateRaceThenOneRedeemsAndTheOtherIsAlreadyUsed()
      throws Exception {
    IAuthenticationResult result = tenantIssues("oid-1");
    idTokenIs(verified("oid-1"));
    CountDownLatch secondAnswered = new CountDownLatch(1);
    when(app.acquireToken(any(AuthorizationCodeParameters.class)))
        .thenAnswer(
            call ->
                CompletableFuture.supplyAsync(
                    () -> {
                      try {
                        secondAnswered.await(10, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return result;
                    }));
    MapPendingSignIns sameCookie = new MapPendingSignIns();
    sameCookie.add(pending);
    SignInCallback.Response response =
        new SignInCallback.Response(pending.state(), "code", null, null);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<CallbackOutcome> first = pool.submit(() -> callback.handle(session, response));
      verify(app, timeout(10_000)).acquireToken(any(AuthorizationCodeParameters.class));
      CallbackOutcome second =
          callback.handle(new UserSession(new MapSessionStore(), sameCookie), response);
      secondAnswered.countDown();
      assertRejected(second, 400, "Sign-in response already used");
      assertInstanceOf(CallbackOutcome.SignedIn.class, first.get(30, TimeUnit.SECONDS));
      verify(app, times(1)).acquireToken(any(AuthorizationCodeParameters.class));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void handleWhenEverythingChecksOutThenSignedInWithANewSessionIdAndTheReturnPath()
      throws Exception {
    tenantIssues("oid-1");
    idTokenIs(verified("oid-1"));
    CallbackOutcome outcome = respond(pending.state(), "code-1");
    assertEquals(
        "/users/id", assertInstanceOf(CallbackOutcome.SignedIn.class, outcome).returnPath());
    assertEquals(1, store.idChanges(), "the session id rotates at sign-in");
    SignedInUser user = session.user().orElseThrow();
    assertEquals(HOME_ACCOUNT, user.homeAccountId());
    assertEquals("oid-1", user.objectId());
    assertEquals("Ada", user.greetingName());
    // Sealed in the session, the cache in clear nowhere.
    String sealed = session.tokenCache().orElseThrow();
    assertFalse(sealed.contains("serialized"));
    assertEquals(Optional.of("{\"serialized\":\"cache\"}"), cipher.open(sealed));
    ArgumentCaptor<AuthorizationCodeParameters> redeemed =
        ArgumentCaptor.forClass(AuthorizationCodeParameters.class);
    verify(app).acquireToken(redeemed.capture());
    assertEquals("code-1", redeemed.getValue().authorizationCode());
    assertEquals(pending.codeVerifier(), redeemed.getValue().codeVerifier());
    assertEquals(REDIRECT, redeemed.getValue().redirectUri());
    verify(idTokens).verify("id-token", pending.nonce());
  }

  @Test
  void handleWhenTheTokenCoversGraphsScopeThenTheFirstGraphPageNeedsNoMsalCall() throws Exception {
    IAuthenticationResult result = tenantIssues("oid-1");
    when(result.accessToken()).thenReturn("graph-token");
    when(result.scopes())
        .thenReturn("openid profile offline_access https://graph.microsoft.com/User.Read");
    when(result.expiresOnDate()).thenReturn(Date.from(clock.instant().plus(Duration.ofHours(1))));
    idTokenIs(verified("oid-1"));
    respond(pending.state(), "code-1");

    TokenOutcome outcome = tokens.acquire(session, GraphClient.USER_READ);
    assertEquals(
        "graph-token", assertInstanceOf(TokenOutcome.Acquired.class, outcome).accessToken());
    verify(apps, times(1)).newClient(any());
  }

  @Test
  void handleWhenTheTokenIsForAnotherResourceThenGraphPagesStillAskMsal() throws Exception {
    IAuthenticationResult result = tenantIssues("oid-1");
    when(result.accessToken()).thenReturn("api-token");
    when(result.scopes()).thenReturn("api://edit-profile/EditProfile.ReadWrite");
    when(result.expiresOnDate()).thenReturn(Date.from(clock.instant().plus(Duration.ofHours(1))));
    idTokenIs(verified("oid-1"));
    respond(pending.state(), "code-1");

    // The mocked MSAL4J's cache holds no account, so asking it means signing in again.
    assertInstanceOf(TokenOutcome.NeedsUser.class, tokens.acquire(session, GraphClient.USER_READ));
    verify(apps, times(2)).newClient(any());
  }

  @Test
  void handleWhenTheSameResponseComesTwiceThenTheSecondIsAlreadyUsed() throws Exception {
    tenantIssues("oid-1");
    idTokenIs(verified("oid-1"));
    respond(pending.state(), "code-1");
    assertRejected(respond(pending.state(), "code-1"), 400, "Sign-in response already used");
  }

  @Test
  void handleWhenStateIsMissingThenRejectedWithoutSpendingAnything() {
    assertRejected(respond(" ", "code-1"), 400, "Sign-in response not accepted");
    assertTrue(session.pendingSignIns().find(pending.state(), clock.instant()).isPresent());
  }

  @Test
  void handleWhenTheStateHasExpiredThenTookTooLong() {
    clock.advance(LIFETIME.plusSeconds(1));
    assertRejected(respond(pending.state(), "code-1"), 400, "Sign-in took too long");
  }

  @Test
  void handleWhenTheStateIsUnknownButOthersArePendingThenNotThisBrowsersSession() {
    assertRejected(respond("forged-state", "code-1"), 400, "Sign-in response not accepted");
  }

  @Test
  void handleWhenTheSessionHoldsNoSignInThenRestart() {
    UserSession empty = new UserSession(new MapSessionStore(), new MapPendingSignIns());
    assertInstanceOf(
        CallbackOutcome.Restart.class,
        callback.handle(empty, new SignInCallback.Response("lost-state", "code", null, null)));
  }

  @Test
  void handleWhenARestartedSignInAgainFindsNothingThenAPageInsteadOfALoop() {
    UserSession empty = new UserSession(new MapSessionStore(), new MapPendingSignIns());
    String restartState =
        PendingSignIn.create("/", List.of(), true, clock.instant(), LIFETIME).state();
    assertRejected(
        callback.handle(empty, new SignInCallback.Response(restartState, "code", null, null)),
        400,
        "Sign-in response not accepted");
  }

  @Test
  void handleWhenTheTenantAnswersAnErrorThenItsCodeIsShownAndTheStateSpentWithoutASession() {
    CallbackOutcome.Rejected rejected =
        assertRejected(
            callback.handle(
                session,
                new SignInCallback.Response(
                    pending.state(), null, "access_denied", "AADSTS50126: bad\nsecond line")),
            400,
            "Sign-in did not complete");
    assertEquals(
        "The sign-in service answered: access_denied - AADSTS50126: bad",
        InEnglish.of(rejected.message()));
    assertTrue(browser.find(pending.state()).isEmpty(), "spent");
    assertFalse(store.exists(), "a visitor's refused sign-in creates no session");
    verify(app, never()).acquireToken(any(AuthorizationCodeParameters.class));
  }

  @Test
  void handleWhenConsentIsRequiredThenTheAppIsNotSetUpYet() {
    assertRejected(
        callback.handle(
            session, new SignInCallback.Response(pending.state(), null, "consent_required", null)),
        403,
        "This app is not set up yet");
  }

  @Test
  void handleWhenTheCodeIsMissingThenRejected() {
    assertRejected(respond(pending.state(), ""), 400, "Sign-in response not accepted");
  }

  @Test
  void handleWhenTheTenantRefusesTheCodeThenRejectedAndNotSignedIn() {
    when(app.acquireToken(any(AuthorizationCodeParameters.class)))
        .thenReturn(
            CompletableFuture.failedFuture(
                new MsalServiceException("AADSTS54005: code already redeemed", "invalid_grant")));
    assertRejected(respond(pending.state(), "code-1"), 400, "Sign-in did not complete");
    assertTrue(session.user().isEmpty());
  }

  @Test
  void handleWhenTheTenantIsUnreachableThenTenantException() {
    when(app.acquireToken(any(AuthorizationCodeParameters.class)))
        .thenReturn(
            CompletableFuture.failedFuture(new MsalClientException(new IOException("refused"))));
    assertThrows(TenantException.class, () -> respond(pending.state(), "code-1"));
    assertTrue(session.user().isEmpty());
  }

  @Test
  void handleWhenTheIdTokenFailsVerificationThenRejectedAndNotSignedIn() {
    tenantIssues("oid-1");
    idTokenIs(new IdTokenVerifier.Check.Rejected("bad signature"));
    CallbackOutcome.Rejected rejected =
        assertRejected(respond(pending.state(), "code-1"), 400, "Sign-in did not complete");
    assertTrue(InEnglish.of(rejected.message()).contains("could not be verified"));
    assertTrue(session.user().isEmpty());
    assertEquals(0, store.idChanges());
  }

  @Test
  void handleWhenADifferentPersonSignsInThenThePreviousAccountIsRemovedFromTheCache()
      throws Exception {
    session.signIn(
        new SignedInUser("oid-0.tid-1", "oid-0", "bob@example.com", "Bob", new TreeMap<>()),
        "{\"bob\":\"cache\"}",
        java.time.Instant.now());
    tenantIssues("oid-1");
    IAccount bob = mock(IAccount.class);
    when(bob.homeAccountId()).thenReturn("oid-0.tid-1");
    when(app.getAccounts()).thenReturn(CompletableFuture.completedFuture(Set.of(bob)));
    when(app.removeAccount(bob)).thenReturn(CompletableFuture.completedFuture(null));
    idTokenIs(verified("oid-1"));
    assertInstanceOf(CallbackOutcome.SignedIn.class, respond(pending.state(), "code-1"));
    verify(app).removeAccount(bob);
    assertEquals("oid-1", session.user().orElseThrow().objectId());
    assertFalse(session.user().orElseThrow().username().startsWith("bob"));
  }
}
