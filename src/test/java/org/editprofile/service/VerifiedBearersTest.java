package org.editprofile.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.editprofile.MutableClock;
import org.junit.jupiter.api.Test;

class VerifiedBearersTest {

  private final Instant start = Instant.parse("2026-12-03T10:00:00Z");
  private final MutableClock clock = new MutableClock(start);
  private final VerifiedBearers memo = new VerifiedBearers(clock);

  private VerifiedBearers.Verified until(Instant forgetAt) {
    return new VerifiedBearers.Verified(
        new JWKSelector(new JWKMatcher.Builder().keyID("k1").build()),
        List.of(),
        new JWTClaimsSet.Builder().subject("user-1").build(),
        forgetAt);
  }

  @Test
  void findWhenAnotherTokenThenNothing() {
    memo.remember("token-a", until(start.plusSeconds(60)));
    assertTrue(memo.find("token-a").isPresent());
    assertTrue(memo.find("token-b").isEmpty());
  }

  @Test
  void findWhenItsTimeHasPassedThenNothing() {
    memo.remember("token-a", until(start.plusSeconds(60)));
    clock.advance(Duration.ofSeconds(60));
    assertTrue(memo.find("token-a").isEmpty());
  }

  @Test
  void rememberWhenFullThenThePassedOnesMakeRoomFirst() {
    for (int i = 0; i < VerifiedBearers.CAPACITY; i++) {
      memo.remember("token-" + i, until(start.plusSeconds(i % 2 == 0 ? 10 : 3600)));
    }
    clock.advance(Duration.ofSeconds(10));
    memo.remember("newcomer", until(start.plusSeconds(3600)));
    assertEquals(VerifiedBearers.CAPACITY / 2 + 1, memo.size());
    assertTrue(memo.find("token-1").isPresent());
    assertTrue(memo.find("newcomer").isPresent());
  }

  @Test
  void rememberWhenFullOfLiveOnesThenEmptiedAndTheNewOneKept() {
    for (int i = 0; i < VerifiedBearers.CAPACITY; i++) {
      memo.remember("token-" + i, until(start.plusSeconds(3600)));
    }
    memo.remember("newcomer", until(start.plusSeconds(3600)));
    assertEquals(1, memo.size());
    assertTrue(memo.find("newcomer").isPresent());
  }
}
