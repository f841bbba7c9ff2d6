package org.editprofile.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.editprofile.MutableClock;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.graph.GraphClient;
import org.editprofile.session.MapPendingSignIns;
import org.editprofile.session.MapSessionStore;
import org.editprofile.session.SignedInUser;
import org.editprofile.session.TokenCacheCipher;
import org.editprofile.session.UserSession;
import org.editprofile.tenant.MsalApps;
import org.editprofile.tenant.TokenOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The silent token path with a real MSAL4J and a real token cache from the dev tenant: when MSAL4J
 * is consulted, and when its remembered answer for the session's exact cache is used instead.
 */
class TokenServiceTest {

  private static final TokenCacheCipher CIPHER = TokenCacheCipher.ephemeral();
  private static DevTenantTokenCache signedIn;
  private static String SEALED;

  private final MutableClock clock = new MutableClock(Instant.now());
  private MsalApps apps;
  private TokenService tokens;
  private UserSession session;

  @BeforeAll
  static void signIn() throws Exception {
    signedIn = DevTenantTokenCache.signIn("token-service-truststore.p12");
    SEALED = CIPHER.seal(signedIn.tokenCache);
  }

  @AfterAll
  static void stop() throws Exception {
    signedIn.close();
  }

  @BeforeEach
  void newSession() {
    apps = spy(signedIn.apps);
    tokens = new TokenService(apps, CIPHER, clock);
    session = sessionWith(SEALED);
  }

  private static UserSession sessionWith(String tokenCache) {
    UserSession session = new UserSession(new MapSessionStore(), new MapPendingSignIns());
    session.signIn(
        new SignedInUser(
            signedIn.homeAccountId,
            "oid",
            DevTenant.DEMO_EMAIL,
            "Demo User",
            new TreeMap<>(Map.of("name", "Demo User"))),
        tokenCache,
        Instant.now());
    return session;
  }

  private String acquire(UserSession session) {
    TokenOutcome outcome = tokens.acquire(session, GraphClient.USER_READ);
    return assertInstanceOf(TokenOutcome.Acquired.class, outcome).accessToken();
  }

  @Test
  void warmUpRunsMsalSilentPathWithoutCallingTheTenant() {
    Map<String, Long> before = signedIn.tenant.requestCounts();
    tokens.warmUp();
    assertEquals(before, signedIn.tenant.requestCounts());
    verify(apps).newClient(any());
  }

  @Test
  void acquireWhenTheSessionCacheIsUnchangedThenMsalIsConsultedOnceAndItsTokenReused() {
    String first = acquire(session);
    String second = acquire(session);
    assertEquals(first, second);
    verify(apps, times(1)).newClient(any());
  }

  @Test
  void acquireWhenAnotherNodeDeserializedTheSameCacheThenTheRememberedTokenIsStillItsOwn() {
    String first = acquire(session);
    // A session moved between nodes holds an equal cache in a new String: same answer, correctly.
    UserSession moved = sessionWith(new String(SEALED.toCharArray()));
    assertEquals(first, acquire(moved));
  }

  @Test
  void acquireWhenTheCacheWasSealedUnderARetiredKeyThenTheUserSignsInAgainWithoutATenantCall() {
    Map<String, Long> before = signedIn.tenant.requestCounts();
    UserSession foreign = sessionWith(TokenCacheCipher.ephemeral().seal(signedIn.tokenCache));
    assertInstanceOf(TokenOutcome.NeedsUser.class, tokens.acquire(foreign, GraphClient.USER_READ));
    assertEquals(before, signedIn.tenant.requestCounts());
  }

  @Test
  void acquireWhenTheSessionCacheChangedThenMsalIsConsultedAgain() {
    acquire(session);
    clearInvocations(apps);
    // Any change to the cache (a refresh, a new sign-in) is a different key.
    UserSession other = sessionWith(CIPHER.seal(signedIn.tokenCache.replaceFirst("\\{", "{ ")));
    acquire(other);
    verify(apps, times(1)).newClient(any());
  }

  @Test
  void acquireWhenTheTokenIsWithinFiveMinutesOfExpiryThenMsalIsConsultedAgain() {
    acquire(session);
    clearInvocations(apps);
    // The dev tenant's access tokens live an hour; MSAL4J refreshes five minutes before expiry.
    clock.advance(Duration.ofMinutes(54));
    acquire(session);
    verify(apps, never()).newClient(any());
    clock.advance(Duration.ofMinutes(2));
    acquire(session);
    verify(apps, times(1)).newClient(any());
  }

  @Test
  void acquireWhenAClaimsChallengeIsGivenThenMsalIsConsultedEvenWithARememberedToken() {
    acquire(session);
    clearInvocations(apps);
    tokens.acquire(
        session,
        GraphClient.USER_READ,
        Optional.of("{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}"));
    verify(apps, times(1)).newClient(any());
  }

  @Test
  void acquireWhenOtherScopesAreAskedThenTheirOwnAnswerIsNeeded() {
    acquire(session);
    clearInvocations(apps);
    tokens.acquire(session, GraphClient.USER_READ_WRITE);
    verify(apps, times(1)).newClient(any());
  }
}
