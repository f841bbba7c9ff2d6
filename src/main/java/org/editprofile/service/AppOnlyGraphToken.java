package org.editprofile.service;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import java.util.Set;
import org.editprofile.tenant.MsalApps;
import org.editprofile.tenant.MsalCalls;
import org.editprofile.tenant.MsalCalls.Answer;
import org.editprofile.tenant.TenantException;

/**
 * The service's own Graph token (client credentials, Graph's {@code /.default}): it carries the
 * application permissions an administrator consented to for the service's registration, in {@code
 * roles}. One MSAL4J client keeps it in its app token cache and asks the tenant again only when it
 * nears expiry. The token acts on no user by itself: callers pass the user's object id from a
 * validated user token.
 */
public final class AppOnlyGraphToken {

  static final Set<String> GRAPH_DEFAULT = Set.of("https://graph.microsoft.com/.default");

  private final ConfidentialClientApplication client;

  public AppOnlyGraphToken(MsalApps serviceApps) {
    this.client = serviceApps.newClient();
  }

  /**
   * @throws TenantException when the tenant is unreachable or refuses the service's credential
   */
  public String acquire() {
    Answer<IAuthenticationResult> answer =
        MsalCalls.await(
            client.acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT).build()),
            "the service's app-only Graph token");
    if (answer instanceof Answer.Issued<IAuthenticationResult> issued) {
      return issued.result().accessToken();
    }
    if (answer instanceof Answer.Refused<IAuthenticationResult> refused) {
      throw refused.asTenantException("The tenant refused the service's app-only token");
    }
    throw new TenantException("The tenant asked for a user in an app-only token request");
  }
}
