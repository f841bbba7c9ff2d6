package org.editprofile.devtenant;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dev tenant's one fault switch, for tests: the next N requests to an endpoint (for the token
 * endpoint, optionally of one grant type) are delayed, answered with an error in that endpoint's
 * own shape, or (for ID tokens) signed with a defect. Also reachable over HTTP: {@code POST
 * /_dev/faults} (see {@link #fromParameters}).
 */
public final class Faults {

  /** What a fault applies to. ID_TOKEN is the ID token in a token response. */
  public enum Endpoint {
    DISCOVERY,
    JWKS,
    AUTHORIZE,
    TOKEN,
    LOGOUT,
    GRAPH,
    ID_TOKEN
  }

  /** Grant types, as in the token request's {@code grant_type}. */
  public static final String AUTHORIZATION_CODE = "authorization_code";

  public static final String REFRESH_TOKEN = "refresh_token";
  public static final String ON_BEHALF_OF = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  /** Ways the ID token can be wrong, for testing the app's own ID token checks. */
  public enum IdTokenDefect {
    WRONG_NONCE,
    WRONG_AUDIENCE,
    WRONG_ISSUER,
    EXPIRED,
    BAD_SIGNATURE,
    UNSIGNED
  }

  /** Graph's failure answers. */
  public enum GraphFailure {
    THROTTLE,
    UNAVAILABLE,
    FORBIDDEN,
    CLAIMS_CHALLENGE
  }

  /** One kind of fault. */
  public sealed interface Fault {}

  /** The endpoint answers normally, this much later. */
  public record Delay(Duration duration) implements Fault {}

  /** Any endpoint: 503 in that endpoint's shape. */
  public record Unavailable() implements Fault {}

  /** The token endpoint answers with this Entra error (and Retry-After, for 429 and 503). */
  public record TokenError(EntraError error, Optional<Duration> retryAfter) implements Fault {}

  /** Graph answers with this failure. */
  public record Graph(GraphFailure failure, Duration retryAfter) implements Fault {}

  /** The next ID token has this defect. */
  public record IdToken(IdTokenDefect defect) implements Fault {}

  public static Fault delay(Duration duration) {
    return new Delay(duration);
  }

  public static Fault unavailable() {
    return new Unavailable();
  }

  public static Fault graph(GraphFailure failure) {
    return new Graph(failure, Duration.ofSeconds(1));
  }

  public static Fault graphThrottle(Duration retryAfter) {
    return new Graph(GraphFailure.THROTTLE, retryAfter);
  }

  public static Fault idToken(IdTokenDefect defect) {
    return new IdToken(defect);
  }

  public static Fault tokenError(EntraError error) {
    return new TokenError(error, Optional.empty());
  }

  /**
   * Throttling at the token endpoint: HTTP 429 with Retry-After (Microsoft, "Throttling and service
   * limits"). Microsoft documents no AADSTS code or error value for it, so the body uses RFC 6749's
   * {@code temporarily_unavailable} and no code.
   */
  public static Fault tokenThrottled(Duration retryAfter) {
    return new TokenError(
        new EntraError(
            429, "temporarily_unavailable", 0, "The request was throttled. Retry later.", Map.of()),
        Optional.of(retryAfter));
  }

  /** Entra's 503: {@code temporarily_unavailable} (RFC 6749 §4.1.2.1) with Retry-After. */
  public static Fault tokenUnavailable(Duration retryAfter) {
    return new TokenError(
        new EntraError(
            503,
            "temporarily_unavailable",
            90033,
            "A transient error has occurred. Please try again.",
            Map.of()),
        Optional.of(retryAfter));
  }

  private record Rule(Endpoint endpoint, String grantType, Fault fault, AtomicInteger remaining) {}

  private final CopyOnWriteArrayList<Rule> rules = new CopyOnWriteArrayList<>();

  /** The next request to the endpoint gets the fault. */
  public void next(Endpoint endpoint, Fault fault) {
    next(endpoint, null, fault, 1);
  }

  /**
   * The next {@code times} requests to the endpoint (of that grant type, for TOKEN; null for any)
   * get the fault. Rules apply in the order they were set.
   */
  public void next(Endpoint endpoint, String grantType, Fault fault, int times) {
    rules.add(new Rule(endpoint, grantType, fault, new AtomicInteger(times)));
  }

  /** Every request to the endpoint gets the fault until {@link #clear}. */
  public void always(Endpoint endpoint, Fault fault) {
    next(endpoint, null, fault, Integer.MAX_VALUE);
  }

  public void clear() {
    rules.clear();
  }

  /** Takes one use of the first rule for this request, if any. */
  public Optional<Fault> take(Endpoint endpoint, String grantType) {
    for (Rule rule : rules) {
      if (rule.endpoint() == endpoint
          && (rule.grantType() == null || rule.grantType().equals(grantType))
          && rule.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return Optional.of(rule.fault());
      }
    }
    rules.removeIf(r -> r.remaining().get() <= 0);
    return Optional.empty();
  }

  /**
   * {@code POST /_dev/faults?endpoint=GRAPH&kind=THROTTLE&times=1&retryAfter=30}; kinds: DELAY
   * (with millis), UNAVAILABLE, the {@link GraphFailure}s, the {@link IdTokenDefect}s, TOKEN_ERROR
   * (with status, error, aadsts and optional grant), CLEAR.
   */
  public void fromParameters(Map<String, String> p) {
    String kind = p.getOrDefault("kind", "CLEAR");
    if (kind.equals("CLEAR")) {
      clear();
      return;
    }
    Endpoint endpoint = Endpoint.valueOf(p.getOrDefault("endpoint", "GRAPH"));
    int times = Integer.parseInt(p.getOrDefault("times", "1"));
    Duration retryAfter = Duration.ofSeconds(Long.parseLong(p.getOrDefault("retryAfter", "1")));
    Fault fault =
        switch (kind) {
          case "DELAY" -> delay(Duration.ofMillis(Long.parseLong(p.getOrDefault("millis", "0"))));
          case "UNAVAILABLE" -> unavailable();
          case "THROTTLE" -> graphThrottle(retryAfter);
          case "TOKEN_ERROR" ->
              tokenError(
                  new EntraError(
                      Integer.parseInt(p.getOrDefault("status", "400")),
                      p.getOrDefault("error", "invalid_grant"),
                      Integer.parseInt(p.getOrDefault("aadsts", "0")),
                      p.getOrDefault("message", "Injected by the dev tenant."),
                      Map.of()));
          default -> {
            try {
              yield graph(GraphFailure.valueOf(kind));
            } catch (IllegalArgumentException notGraph) {
              yield idToken(IdTokenDefect.valueOf(kind));
            }
          }
        };
    next(endpoint, p.get("grant"), fault, times);
  }
}
