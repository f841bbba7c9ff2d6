package org.editprofile.auth;

import com.microsoft.aad.msal4j.ClaimsRequest;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.SilentParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silent token acquisition from the session's token cache: served from cache when it can be,
 * refreshed with the refresh token otherwise. Ask for one resource's scopes per call (Entra refuses
 * two resources in one request, AADSTS28000).
 */
public final class TokenService {

  private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
  private static final long TIMEOUT_SECONDS = 60;

  private final MsalApps apps;

  public TokenService(MsalApps apps) {
    this.apps = apps;
  }

  private static ClaimsRequest claimsRequest(String claims) {
    try {
      return ClaimsRequest.formatAsClaimsRequest(claims);
    } catch (Exception e) {
      throw new IdentityProviderException("The claims challenge is not valid JSON", e);
    }
  }

  public TokenOutcome acquire(HttpServletRequest request, List<String> scopes) {
    return acquire(request, scopes, Optional.empty());
  }

  /**
   * @param claims a claims challenge from a resource (e.g. Graph's 401), which forces a refresh
   */
  public TokenOutcome acquire(
      HttpServletRequest request, List<String> scopes, Optional<String> claims) {
    UserSession session = UserSession.of(request);
    Optional<SignedInUser> user = session.user();
    Optional<String> cache = session.tokenCache();
    if (user.isEmpty() || cache.isEmpty()) {
      return new TokenOutcome.InteractionRequired(Optional.empty());
    }
    ConfidentialClientApplication app =
        apps.newClient(new SessionTokenCache(cache, session::saveTokenCache));
    Optional<IAccount> account =
        app.getAccounts().join().stream()
            .filter(a -> a.homeAccountId().equals(user.get().homeAccountId()))
            .findFirst();
    if (account.isEmpty()) {
      return new TokenOutcome.InteractionRequired(Optional.empty());
    }
    SilentParameters.SilentParametersBuilder params =
        SilentParameters.builder(new LinkedHashSet<>(scopes), account.get());
    if (claims.isPresent()) {
      params.claims(claimsRequest(claims.get()));
    }
    try {
      String token =
          app.acquireTokenSilently(params.build())
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .accessToken();
      return new TokenOutcome.Acquired(token);
    } catch (ExecutionException e) {
      Optional<TenantErrors.NeedsUser> needsUser = TenantErrors.interactionRequired(e.getCause());
      if (needsUser.isPresent()) {
        LOG.info("Interaction required for {} ({})", scopes, needsUser.get().errorCode());
        return new TokenOutcome.InteractionRequired(needsUser.get().claims());
      }
      if (e.getCause() instanceof MsalClientException client
          && !(client.getCause() instanceof java.io.IOException)) {
        // Nothing in the cache to refresh with: a new authorization request is the only way.
        // (An I/O cause means the tenant is unreachable: that is the error page, below.)
        LOG.info("No usable token in the session for {} ({})", scopes, client.errorCode());
        return new TokenOutcome.InteractionRequired(Optional.empty());
      }
      throw TenantErrors.unavailable("The sign-in service could not issue a token", e.getCause());
    } catch (java.net.MalformedURLException e) {
      throw new IdentityProviderException("The authority is not a valid URL", e);
    } catch (TimeoutException e) {
      throw new IdentityProviderException("The sign-in service did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdentityProviderException("Interrupted while getting a token", e);
    }
  }
}
