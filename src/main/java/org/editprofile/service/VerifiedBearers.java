package org.editprofile.service;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens whose signature this node has verified, found by the token's SHA-256 (the tokens
 * themselves are not kept). The web app sends the same MFA-scoped token with every save for about
 * an hour, and parsing it and checking its RSA signature again was half of the service's CPU per
 * save.
 *
 * <p>What is remembered is only what cannot change for a given token: its claims, and which of the
 * tenant's keys were offered to check its signature. {@link BearerTokenValidator} uses it only
 * while the tenant still offers exactly those keys for it, and checks the time-bound claims and its
 * own rules again on every request. Nothing here is per user or per session: another node simply
 * verifies the token itself.
 */
final class VerifiedBearers {

  /** Enough for every caller of a busy hour; a full memo is emptied rather than grown. */
  static final int CAPACITY = 4_096;

  /**
   * One verified token.
   *
   * @param offered the key query its signature was checked with
   * @param offeredKeys what the tenant's key set answered to it then
   * @param forgetAt when the claims' expiry (with the allowed clock skew) has passed anyway
   */
  record Verified(
      JWKSelector offered, List<JWK> offeredKeys, JWTClaimsSet claims, Instant forgetAt) {}

  private final ConcurrentHashMap<String, Verified> byDigest = new ConcurrentHashMap<>();
  private final Clock clock;

  VerifiedBearers(Clock clock) {
    this.clock = clock;
  }

  Optional<Verified> find(String token) {
    Verified known = byDigest.get(digest(token));
    if (known == null || !clock.instant().isBefore(known.forgetAt())) {
      return Optional.empty();
    }
    return Optional.of(known);
  }

  void remember(String token, Verified verified) {
    if (byDigest.size() >= CAPACITY) {
      Instant now = clock.instant();
      byDigest.values().removeIf(known -> !now.isBefore(known.forgetAt()));
      if (byDigest.size() >= CAPACITY) {
        byDigest.clear();
      }
    }
    byDigest.put(digest(token), verified);
  }

  int size() {
    return byDigest.size();
  }

  private static String digest(String token) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
