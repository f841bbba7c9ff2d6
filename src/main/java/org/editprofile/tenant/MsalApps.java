package org.editprofile.tenant;

import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.MsalClientException;
import java.net.MalformedURLException;
import java.util.Set;
import org.editprofile.credential.ClientCredentialSource;
import org.editprofile.credential.CredentialException;
import org.editprofile.http.CorrelationId;

/**
 * Builds a fresh MSAL4J client for each use, for one app registration (the web app's or the edit
 * profile service's). A client per request is MSAL4J's safe pattern for web apps: its token cache
 * merges on deserialize, so a shared client would mix users' tokens. Building costs no network
 * call: a ciamlogin.com authority needs no discovery, and any other authority's discovery document
 * is answered from {@link OidcMetadataProvider}'s cache by {@link MsalHttpClient}.
 */
public final class MsalApps {

  /** Tells Entra the app can handle claims challenges (continuous access evaluation). */
  private static final Set<String> CLIENT_CAPABILITIES = Set.of("cp1");

  private final String clientId;
  private final ClientCredentialSource credentials;
  private final String authority;
  private final boolean ciamAuthority;
  private final IHttpClient httpClient;

  public MsalApps(
      String clientId,
      ClientCredentialSource credentials,
      String authority,
      boolean ciamAuthority,
      IHttpClient httpClient) {
    this.clientId = clientId;
    this.credentials = credentials;
    this.authority = authority;
    this.ciamAuthority = ciamAuthority;
    this.httpClient = httpClient;
  }

  /** A client with an empty in-memory cache: authorize URLs and the on-behalf-of exchange. */
  public ConfidentialClientApplication newClient() {
    return newClient(null);
  }

  /** A client whose cache is the given hook's (the session's cache). */
  public ConfidentialClientApplication newClient(ITokenCacheAccessAspect cache) {
    IClientCredential credential;
    try {
      credential = credentials.current();
    } catch (CredentialException e) {
      throw TenantException.appCredential(
          "The app's own credential cannot be used: " + e.getMessage(), e);
    }
    try {
      ConfidentialClientApplication.Builder builder =
          ConfidentialClientApplication.builder(clientId, credential);
      if (ciamAuthority) {
        builder.authority(authority);
      } else {
        builder.oidcAuthority(authority);
      }
      builder
          .httpClient(httpClient)
          .clientCapabilities(CLIENT_CAPABILITIES)
          .logPii(false)
          .sendX5c(credentials.sendCertificateChain())
          .executorService(SameThreadExecutor.INSTANCE);
      if (cache != null) {
        builder.setTokenCacheAccessAspect(cache);
      }
      // MSAL4J sends it as client-request-id, so the tenant's logs of this call carry the id of
      // the request that made it.
      CorrelationId.current().ifPresent(builder::correlationId);
      return builder.build();
    } catch (MalformedURLException e) {
      throw new IllegalStateException("authority was checked at start-up", e);
    } catch (MsalClientException e) {
      // With oidcAuthority, build() reads the discovery document: the tenant may be unreachable.
      throw new TenantException("Could not set up the sign-in client", e);
    }
  }
}
