package org.editprofile.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
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

  @Test
  void findWhenStateKnownAndFreshThenFound() {
    PendingSignIn p = pending(NOW);
    PendingSignIns all = PendingSignIns.empty().with(p, NOW);
    assertEquals(p, all.find(p.state(), NOW.plusSeconds(60)).orElseThrow());
  }

  @Test
  void findWhenStateOlderThanLifetimeThenEmptyButKnown() {
    PendingSignIn p = pending(NOW);
    PendingSignIns all = PendingSignIns.empty().with(p, NOW);
    Instant later = NOW.plus(LIFETIME).plusSeconds(1);
    assertTrue(all.find(p.state(), later).isEmpty());
    assertTrue(all.knows(p.state()));
  }

  @Test
  void withoutWhenStateUsedThenItIsSpentAndCannotBeFoundAgain() {
    PendingSignIn p = pending(NOW);
    PendingSignIns after = PendingSignIns.empty().with(p, NOW).without(p.state());
    assertTrue(after.find(p.state(), NOW).isEmpty());
    assertTrue(after.isSpent(p.state()));
    assertTrue(after.isEmpty());
  }

  @Test
  void withWhenSeveralTabsSignInThenEachStateIsKept() {
    PendingSignIn tab1 = pending(NOW);
    PendingSignIn tab2 = pending(NOW);
    PendingSignIns all = PendingSignIns.empty().with(tab1, NOW).with(tab2, NOW);
    assertTrue(all.find(tab1.state(), NOW).isPresent());
    assertTrue(all.find(tab2.state(), NOW).isPresent());
  }

  @Test
  void withWhenFloodedThenBoundedAndOldestDropped() {
    PendingSignIns all = PendingSignIns.empty();
    PendingSignIn first = pending(NOW);
    all = all.with(first, NOW);
    List<PendingSignIn> added = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      PendingSignIn next = pending(NOW);
      added.add(next);
      all = all.with(next, NOW);
    }
    assertFalse(all.knows(first.state()));
    for (int i = 0; i < added.size(); i++) {
      boolean newest = i >= added.size() - PendingSignIns.MAX_PENDING;
      assertEquals(newest, all.knows(added.get(i).state()), "entry " + i);
    }
  }

  @Test
  void withWhenEntriesExpiredThenTheyAreDropped() {
    PendingSignIn old = pending(NOW);
    Instant later = NOW.plus(LIFETIME).plusSeconds(1);
    PendingSignIn recent = pending(later);
    PendingSignIns all = PendingSignIns.empty().with(old, NOW).with(recent, later);
    assertFalse(all.knows(old.state()));
    assertTrue(all.find(recent.state(), later).isPresent());
  }

  @Test
  void restartStateIsRecognised() {
    assertTrue(
        PendingSignIn.isRestartState(
            PendingSignIn.create("/", List.of(), true, NOW, LIFETIME).state()));
    assertFalse(PendingSignIn.isRestartState(pending(NOW).state()));
  }

  @Test
  void serializeWhenStoredInSessionThenRoundTripsAndStaysSmall() throws Exception {
    PendingSignIn one = pending(NOW);
    PendingSignIn two = pending(NOW);
    PendingSignIns all = PendingSignIns.empty().with(one, NOW).with(two, NOW);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(all);
    }
    assertTrue(bytes.size() < 2048, "size " + bytes.size());
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      PendingSignIns copy = (PendingSignIns) in.readObject();
      assertTrue(copy.find(one.state(), NOW).isPresent());
      assertTrue(copy.find(two.state(), NOW).isPresent());
    }
  }
}
