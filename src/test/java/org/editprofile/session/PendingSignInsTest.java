package org.editprofile.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingSignInsTest {

  private static final Duration LIFETIME = Duration.ofMinutes(10);
  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

  private static PendingSignIn pending(Instant at) {
    return PendingSignIn.create("/users/id", List.of(), false, at, LIFETIME);
  }

  @Test
  void createWhenCalledThenStateNonceAndVerifierAreRandomAndAtLeast128Bits() {
    PendingSignIn a = pending(NOW);
    PendingSignIn b = pending(NOW);
    assertNotEquals(a.state(), b.state());
    assertNotEquals(a.nonce(), b.nonce());
    assertNotEquals(a.codeVerifier(), b.codeVerifier());
    for (String value : List.of(a.state(), a.nonce())) {
      assertTrue(Base64.getUrlDecoder().decode(value).length >= 16, value);
    }
    assertTrue(a.codeVerifier().length() >= 43, "RFC 7636 minimum");
  }

  @Test
  void codeChallengeWhenComputedThenIsS256OfTheVerifier() {
    PendingSignIn p = pending(NOW);
    assertEquals(
        CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(p.codeVerifier()))
            .getValue(),
        p.codeChallenge());
    assertNotEquals(p.codeVerifier(), p.codeChallenge());
  }

  private final MapSessionStore store = new MapSessionStore();
  private final MapPendingSignIns browser = new MapPendingSignIns();
  private final UserSession session = new UserSession(store, browser);

  private void signedIn() {
    session.signIn(
        new SignedInUser("oid.tid", "oid", "ada@example.com", "Ada", new java.util.TreeMap<>()),
        "sealed",
        NOW);
  }

  @Test
  void findWhenStateKnownAndFreshThenFound() {
    PendingSignIn p = pending(NOW);
    session.addPendingSignIn(p, NOW);
    assertEquals(p, session.pendingSignIns().find(p.state(), NOW.plusSeconds(60)).orElseThrow());
  }

  @Test
  void findWhenStateOlderThanLifetimeThenEmptyButKnown() {
    PendingSignIn p = pending(NOW);
    session.addPendingSignIn(p, NOW);
    Instant later = NOW.plus(LIFETIME).plusSeconds(1);
    assertTrue(session.pendingSignIns().find(p.state(), later).isEmpty());
    assertTrue(session.pendingSignIns().knows(p.state()));
    assertTrue(session.spendPendingSignIn(p.state(), later).isEmpty(), "expired: not spent");
    assertFalse(session.pendingSignIns().isSpent(p.state()));
  }

  @Test
  void spendWhenStateUsedThenItIsSpentAndCannotBeSpentAgain() {
    signedIn();
    PendingSignIn p = pending(NOW);
    session.addPendingSignIn(p, NOW);
    assertEquals(p, session.spendPendingSignIn(p.state(), NOW).orElseThrow());
    session.rememberSpent(p.state(), NOW);
    assertTrue(session.spendPendingSignIn(p.state(), NOW).isEmpty());
    assertTrue(session.pendingSignIns().find(p.state(), NOW).isEmpty());
    assertTrue(session.pendingSignIns().isSpent(p.state()));
    assertTrue(session.pendingSignIns().isEmpty());
  }

  @Test
  void spendWhenNoSessionThenNoneIsCreated() {
    assertTrue(session.spendPendingSignIn("stray-state", NOW).isEmpty());
    assertFalse(store.exists());
  }

  @Test
  void spendWhenAVisitorSpendsAStateThenNoSessionIsCreatedForIt() {
    PendingSignIn p = pending(NOW);
    session.addPendingSignIn(p, NOW);
    assertEquals(p, session.spendPendingSignIn(p.state(), NOW).orElseThrow());
    session.rememberSpent(p.state(), NOW);
    assertTrue(browser.all().isEmpty(), "the browser forgets it");
    assertFalse(store.exists(), "a visitor has no session to remember it in");
  }

  @Test
  void addWhenSeveralTabsSignInThenTheBrowserHoldsEachAndTheServerNothing() {
    PendingSignIn tab1 = pending(NOW);
    PendingSignIn tab2 = pending(NOW);
    session.addPendingSignIn(tab1, NOW);
    session.addPendingSignIn(tab2, NOW);
    assertTrue(session.pendingSignIns().find(tab1.state(), NOW).isPresent());
    assertTrue(session.pendingSignIns().find(tab2.state(), NOW).isPresent());
    assertEquals(2, browser.all().size());
    assertFalse(store.exists(), "no server session for a visitor's sign-ins");
  }

  @Test
  void addWhenFloodedThenBoundedAndOldestDropped() {
    PendingSignIn first = pending(NOW);
    session.addPendingSignIn(first, NOW);
    List<PendingSignIn> added = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      PendingSignIn next = pending(NOW.plusMillis(i + 1));
      added.add(next);
      session.addPendingSignIn(next, NOW.plusMillis(i + 1));
    }
    PendingSignIns all = session.pendingSignIns();
    assertFalse(all.knows(first.state()));
    for (int i = 0; i < added.size(); i++) {
      boolean newest = i >= added.size() - PendingSignIns.MAX_PENDING;
      assertEquals(newest, all.knows(added.get(i).state()), "entry " + i);
    }
    assertEquals(PendingSignIns.MAX_PENDING, browser.all().size());
  }

  @Test
  void addWhenEntriesExpiredThenTheyAreDropped() {
    PendingSignIn old = pending(NOW);
    Instant later = NOW.plus(LIFETIME).plusSeconds(1);
    PendingSignIn recent = pending(later);
    session.addPendingSignIn(old, NOW);
    session.addPendingSignIn(recent, later);
    assertFalse(session.pendingSignIns().knows(old.state()));
    assertTrue(session.pendingSignIns().find(recent.state(), later).isPresent());
  }

  @Test
  void spendWhenManyStatesSpentThenOnlyTheNewestAreRemembered() {
    signedIn();
    List<String> states = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      PendingSignIn p = pending(NOW);
      states.add(p.state());
      session.addPendingSignIn(p, NOW);
      session.spendPendingSignIn(p.state(), NOW.plusSeconds(i));
      session.rememberSpent(p.state(), NOW.plusSeconds(i));
    }
    PendingSignIns all = session.pendingSignIns();
    for (int i = 0; i < states.size(); i++) {
      assertEquals(i >= 20 - PendingSignIns.MAX_PENDING, all.isSpent(states.get(i)), "state " + i);
    }
  }

  @Test
  void restartStateIsRecognised() {
    assertTrue(
        PendingSignIn.isRestartState(
            PendingSignIn.create("/", List.of(), true, NOW, LIFETIME).state()));
    assertFalse(PendingSignIn.isRestartState(pending(NOW).state()));
  }
}
