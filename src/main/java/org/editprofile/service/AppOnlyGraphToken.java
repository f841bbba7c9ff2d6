package org.editprofile.service;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import java.util.Set;
import org.editprofile.tenant.MsalApps;
import org.editprofile.tenant.MsalCalls;
import org.editprofile.tenant.MsalCalls.Answer;
import org.editprofile.tenant.TenantException;

/**
 * The service's own Graph token (client credentials, Graph's {@code /.default}): it carries the
 * application permissions an administrator consented to for the service's registration, in {@code
 * roles}. Each call builds its MSAL4J client afresh, as every other call here does, so a rotated
 * certificate or a renewed federated token is used at once; the clients share one in-memory token
 * cache, from which MSAL4J answers until the token nears expiry. The token acts on no user by
 * itself: callers pass the user's object id from a validated user token.
 */
public final class AppOnlyGraphToken {

  static final Set<String> GRAPH_DEFAULT = Set.of("https://graph.microsoft.com/.default");

  private final MsalApps serviceApps;
  private final SharedCache cache = new SharedCache();

  public AppOnlyGraphToken(MsalApps serviceApps) {
    this.serviceApps = serviceApps;
  }

  /**
   * @throws TenantException when the tenant is unreachable or refuses the service's credential
   */
  public String acquire() {
    Answer<IAuthenticationResult> answer =
        MsalCalls.await(
            serviceApps
                .newClient(cache)
                .acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT).build()),
            "the service's app-only Graph token");
    if (answer instanceof Answer.Issued<IAuthenticationResult> issued) {
      return issued.result().accessToken();
    }
    if (answer instanceof Answer.Refused<IAuthenticationResult> refused) {
      throw refused.asTenantException("The tenant refused the service's app-only token");
    }
    throw new TenantException("The tenant asked for a user in an app-only token request");
  }

  /**
   * MSAL4J's serialized cache, kept between clients: it holds the one app token (no user's, no
   * refresh token), in this JVM's memory only.
   */
  private static final class SharedCache implements ITokenCacheAccessAspect {

    private volatile String serialized;

    @Override
    public void beforeCacheAccess(ITokenCacheAccessContext context) {
      String current = serialized;
      if (current != null) {
        context.tokenCache().deserialize(current);
      }
    }

    @Override
    public void afterCacheAccess(ITokenCacheAccessContext context) {
      if (context.hasCacheChanged()) {
        serialized = context.tokenCache().serialize();
      }
    }
  }
}
