package org.editprofile.service;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.editprofile.auth.IdentityProviderException;
import org.editprofile.auth.MsalApps;
import org.editprofile.auth.TenantErrors;

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

  /** The result: a Graph token, or the claims the user must satisfy at the tenant first. */
  public sealed interface Outcome {
    record Token(String accessToken) implements Outcome {}

    record InteractionRequired(Optional<String> claims) implements Outcome {}
  }

  public Outcome exchange(String incomingToken) {
    String key = hash(incomingToken);
    synchronized (cache) {
      Cached hit = cache.get(key);
      if (hit != null && hit.expiresOn().minus(MARGIN).isAfter(clock.instant())) {
        return new Outcome.Token(hit.accessToken());
      }
    }
    try {
      IAuthenticationResult result =
          serviceApps
              .newClient()
              .acquireToken(
                  OnBehalfOfParameters.builder(GRAPH_SCOPES, new UserAssertion(incomingToken))
                      .build())
              .get(60, TimeUnit.SECONDS);
      synchronized (cache) {
        cache.put(key, new Cached(result.accessToken(), result.expiresOnDate().toInstant()));
      }
      return new Outcome.Token(result.accessToken());
    } catch (ExecutionException e) {
      // Entra answers an on-behalf-of request that needs MFA or other claims with
      // interaction_required, which MSAL4J does not treat as such.
      Optional<TenantErrors.NeedsUser> needsUser = TenantErrors.interactionRequired(e.getCause());
      if (needsUser.isPresent()) {
        return new Outcome.InteractionRequired(needsUser.get().claims());
      }
      if (e.getCause() instanceof MsalServiceException) {
        throw TenantErrors.unavailable("The on-behalf-of exchange was refused", e.getCause());
      }
      throw new IdentityProviderException("The on-behalf-of exchange failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IdentityProviderException("The sign-in service did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdentityProviderException("Interrupted", e);
    }
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
