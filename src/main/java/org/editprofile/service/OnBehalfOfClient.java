package org.editprofile.service;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.OnBehalfOfParameters;
import com.microsoft.aad.msal4j.UserAssertion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.editprofile.tenant.MsalApps;
import org.editprofile.tenant.MsalCalls;
import org.editprofile.tenant.MsalCalls.Answer;
import org.editprofile.tenant.TenantException;
import org.editprofile.tenant.TokenOutcome;

/**
 * Exchanges the caller's token for a Graph {@code User.ReadWrite} token (on-behalf-of), and keeps
 * the result for the incoming token's life in a bounded map keyed by the token's hash, so repeated
 * saves do not call the tenant each time. (MSAL4J's own OBO cache is app-wide and never shrinks.)
 */
public final class OnBehalfOfClient {

  static final Set<String> GRAPH_SCOPES = Set.of("https://graph.microsoft.com/User.ReadWrite");
  static final int MAX_CACHED = 10_000;

  /** Refresh this long before the Graph token expires. */
  private static final Duration MARGIN = Duration.ofMinutes(5);

  private final MsalApps serviceApps;
  private final Clock clock;
  private final Map<String, Cached> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
          return size() > MAX_CACHED;
        }
      };

  private record Cached(String accessToken, Instant expiresOn) {}

  public OnBehalfOfClient(MsalApps serviceApps, Clock clock) {
    this.serviceApps = serviceApps;
    this.clock = clock;
  }

  /**
   * A Graph token for the caller, or the claims the user must satisfy at the tenant first. Entra
   * answers an on-behalf-of request that needs MFA or other claims with interaction_required.
   *
   * @throws TenantException when the tenant is unreachable or refuses the exchange
   */
  public TokenOutcome exchange(String incomingToken) {
    String key = hash(incomingToken);
    synchronized (cache) {
      Cached hit = cache.get(key);
      if (hit != null && hit.expiresOn().minus(MARGIN).isAfter(clock.instant())) {
        return new TokenOutcome.Acquired(hit.accessToken());
      }
    }
    Answer<IAuthenticationResult> answer =
        MsalCalls.await(
            serviceApps
                .newClient()
                .acquireToken(
                    OnBehalfOfParameters.builder(GRAPH_SCOPES, new UserAssertion(incomingToken))
                        .build()),
            "the on-behalf-of exchange");
    if (answer instanceof Answer.NeedsUser<IAuthenticationResult> needsUser) {
      return new TokenOutcome.NeedsUser(needsUser.claims());
    }
    if (answer instanceof Answer.Refused<IAuthenticationResult> refused) {
      throw refused.asTenantException("The on-behalf-of exchange was refused");
    }
    IAuthenticationResult result = ((Answer.Issued<IAuthenticationResult>) answer).result();
    synchronized (cache) {
      cache.put(key, new Cached(result.accessToken(), result.expiresOnDate().toInstant()));
    }
    return new TokenOutcome.Acquired(result.accessToken());
  }

  /** Forgets a Graph token that Graph refused (e.g. revoked), so the next save exchanges again. */
  public void forget(String incomingToken) {
    synchronized (cache) {
      cache.remove(hash(incomingToken));
    }
  }

  private static String hash(String token) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
