package org.editprofile.auth;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.editprofile.credential.ClientCredentialSource;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.http.OutboundHttp;
import org.editprofile.it.Browser;
import org.editprofile.it.DevTenantUser;
import org.editprofile.it.Journeys;
import org.editprofile.metrics.AppMetrics;
import org.editprofile.session.PendingSignIn;
import org.editprofile.session.TokenCacheCipher;
import org.editprofile.tenant.ExpectedIssuer;
import org.editprofile.tenant.MsalApps;
import org.editprofile.tenant.MsalHttpClient;
import org.editprofile.tenant.OidcMetadataProvider;
import org.jsoup.nodes.Document;

/**
 * A dev tenant on loopback, the web app's MSAL4J clients for it, and a real serialized token cache
 * from the demo user's sign-in (authorization code with PKCE): the token path without a container.
 */
final class DevTenantTokenCache implements AutoCloseable {

  final DevTenant tenant;
  final MsalApps apps;
  final String tokenCache;
  final String homeAccountId;
  private final CloseableHttpClient http;

  private DevTenantTokenCache(
      DevTenant tenant,
      CloseableHttpClient http,
      MsalApps apps,
      String tokenCache,
      String homeAccountId) {
    this.tenant = tenant;
    this.http = http;
    this.apps = apps;
    this.tokenCache = tokenCache;
    this.homeAccountId = homeAccountId;
  }

  static DevTenantTokenCache signIn(String trustStoreName) throws Exception {
    DevTenant tenant = DevTenant.start(0, 0);
    tenant.trustInThisJvm(Path.of("target", "dev-tenant", trustStoreName));
    String redirect = "http://127.0.0.1:1/auth/redirect";
    tenant.registerWebApp(redirect, "http://127.0.0.1:1/");
    CloseableHttpClient http = OutboundHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(10));
    OidcMetadataProvider metadata =
        new OidcMetadataProvider(
            URI.create(tenant.authority() + ".well-known/openid-configuration"),
            ExpectedIssuer.forAuthority(tenant.authority()),
            http,
            Clock.systemUTC());
    MsalApps apps =
        new MsalApps(
            tenant.webClientId(),
            ClientCredentialSource.secret(tenant.webClientSecret()),
            tenant.authority(),
            false,
            new MsalHttpClient(http, metadata, AppMetrics.unscraped()));

    PendingSignIn pending =
        PendingSignIn.create("/", List.of(), false, Instant.now(), Duration.ofMinutes(10));
    URI authorize =
        apps.newClient()
            .getAuthorizationRequestUrl(
                AuthorizationRequestUrlParameters.builder(redirect, Set.of())
                    .state(pending.state())
                    .nonce(pending.nonce())
                    .codeChallenge(pending.codeChallenge())
                    .codeChallengeMethod("S256")
                    .build())
            .toURI();
    Browser browser = new Browser();
    Document formPost =
        Journeys.enterCredentials(
                browser,
                browser.open(authorize.toString()),
                new DevTenantUser(DevTenant.DEMO_EMAIL, DevTenant.DEMO_PASSWORD, null))
            .doc();
    String code = formPost.selectFirst("input[name=code]").attr("value");
    TokenCacheCipher cipher = TokenCacheCipher.ephemeral();
    SessionTokenCache cache = new SessionTokenCache(Optional.empty(), cipher, changed -> {});
    ConfidentialClientApplication app = apps.newClient(cache);
    String homeAccountId =
        app.acquireToken(
                AuthorizationCodeParameters.builder(code, URI.create(redirect))
                    .codeVerifier(pending.codeVerifier())
                    .build())
            .get()
            .account()
            .homeAccountId();
    // The cache in clear (what a session holds sealed): each test seals it with a key of its own.
    String clear = cipher.open(cache.latest().orElseThrow()).orElseThrow();
    return new DevTenantTokenCache(tenant, http, apps, clear, homeAccountId);
  }

  @Override
  public void close() throws Exception {
    http.close();
    tenant.close();
  }
}
