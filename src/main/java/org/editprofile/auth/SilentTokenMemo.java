package org.editprofile.auth;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MSAL4J's silent answers remembered on this node, keyed by the exact serialized token cache they
 * were computed from. A signed-in page whose session cache has not changed gets the access token
 * MSAL4J already chose for it, without building a client and parsing the cache again (most of what
 * a Graph page's token used to cost).
 *
 * <p>Safe without coordination, because an answer is a function of its key: the cache's content,
 * the account and the scopes. A session whose cache was refreshed or replaced at sign-in finds
 * nothing and goes through MSAL4J; one served by another node finds nothing or the same answer. A
 * token is reused only while MSAL4J itself would still serve it from the cache: until five minutes
 * before it expires and not past the refresh time the tenant gave. Keys are held weakly, so an
 * answer lives no longer than the session attribute holding that cache.
 */
final class SilentTokenMemo {

  /** MSAL4J refreshes an access token this long before it expires. */
  static final Duration EXPIRY_MARGIN = Duration.ofMinutes(5);

  private record Question(String homeAccountId, List<String> scopes) {}

  private record Answer(String accessToken, Instant usableUntil) {}

  private final Map<String, Map<Question, Answer>> byCache =
      Collections.synchronizedMap(new WeakHashMap<>());
  private final Clock clock;

  SilentTokenMemo(Clock clock) {
    this.clock = clock;
  }

  /**
   * Hashes and compares a made-up question once at start-up. A record's first hashCode and equals
   * link their generated code on first use (tens of milliseconds on a busy machine, which the
   * flight recording showed inside the first sign-in after a deploy); this runs that before the
   * first customer.
   *
   * @return whether the two equal questions were found equal (always)
   */
  static boolean warmUp() {
    Question one = new Question("warm-up", List.of("warm-up"));
    Question other = new Question("warm-up", List.of("warm-up"));
    return one.hashCode() == other.hashCode() && one.equals(other);
  }

  /** The access token MSAL4J gave for this cache, account and scopes, while still usable. */
  Optional<String> find(String cache, String homeAccountId, List<String> scopes) {
    Map<Question, Answer> answers = byCache.get(cache);
    Answer answer =
        answers == null ? null : answers.get(new Question(homeAccountId, List.copyOf(scopes)));
    if (answer == null || !clock.instant().isBefore(answer.usableUntil())) {
      return Optional.empty();
    }
    return Optional.of(answer.accessToken());
  }

  /**
   * Remembers MSAL4J's answer.
   *
   * @param cache the serialized cache as it is after the call: the very instance the session holds
   */
  void remember(
      String cache, String homeAccountId, List<String> scopes, IAuthenticationResult result) {
    if (result.expiresOnDate() == null) {
      return;
    }
    Instant usableUntil = result.expiresOnDate().toInstant().minus(EXPIRY_MARGIN);
    Long refreshOn = result.metadata() == null ? null : result.metadata().refreshOn();
    if (refreshOn != null && refreshOn > 0) {
      Instant refresh = Instant.ofEpochSecond(refreshOn);
      usableUntil = refresh.isBefore(usableUntil) ? refresh : usableUntil;
    }
    if (!clock.instant().isBefore(usableUntil)) {
      return;
    }
    byCache
        .computeIfAbsent(cache, c -> new ConcurrentHashMap<>())
        .put(
            new Question(homeAccountId, List.copyOf(scopes)),
            new Answer(result.accessToken(), usableUntil));
  }
}
