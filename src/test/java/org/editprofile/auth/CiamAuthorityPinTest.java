package org.editprofile.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import com.microsoft.aad.msal4j.SilentParameters;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.editprofile.credential.ClientCredentialSource;
import org.editprofile.session.TokenCacheCipher;
import org.editprofile.tenant.MsalApps;
import org.junit.jupiter.api.Test;

/**
 * Pins what MSAL4J does with the production setting TENANT_SUBDOMAIN=contoso, as the app builds it:
 * every URL on contoso.ciamlogin.com under contoso.onmicrosoft.com, no discovery and no call to
 * login.microsoftonline.com, and silent calls answered from the session's cache. If an MSAL4J
 * upgrade changes any of this, the dev tenant's Entra layout must follow.
 */
class CiamAuthorityPinTest {

  private static final TokenCacheCipher CIPHER = TokenCacheCipher.ephemeral();

  private static final String TOKEN_URL =
      "https://contoso.ciamlogin.com/contoso.onmicrosoft.com/oauth2/v2.0/token";
  private static final String OID = "9d1c7c55-0000-4000-8000-00000000000a";
  private static final String TID = "6f2b3c1e-4d5a-4b8e-9c7d-2a1f0e9d8c7b";

  /** Records every request MSAL4J makes and answers token requests like Entra. */
  private static final class RecordingHttpClient implements IHttpClient {
    final List<String> requests = new ArrayList<>();

    @Override
    public IHttpResponse send(HttpRequest request) {
      requests.add(request.httpMethod() + " " + request.url());
      HttpResponse response = new HttpResponse().statusCode(200).body(tokenResponse(request));
      response.addHeaders(
          Map.of("client-request-id", List.of(request.headerValue("client-request-id"))));
      return response;
    }

    private static String tokenResponse(HttpRequest request) {
      boolean service = request.body().contains("EditProfileService.ReadWrite");
      String idToken =
          new PlainJWT(
                  new JWTClaimsSet.Builder()
                      .issuer("https://" + TID + ".ciamlogin.com/" + TID + "/v2.0")
                      .audience("client-1")
                      .subject("pairwise-sub")
                      .claim("oid", OID)
                      .claim("tid", TID)
                      .claim("preferred_username", "ada@example.com")
                      .issueTime(new Date())
                      .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                      .build())
              .serialize();
      String clientInfo =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  ("{\"uid\":\"" + OID + "\",\"utid\":\"" + TID + "\"}")
                      .getBytes(StandardCharsets.UTF_8));
      return "{\"token_type\":\"Bearer\",\"scope\":\""
          + (service ? "api://svc/EditProfileService.ReadWrite" : "User.Read")
          + "\",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\"at-"
          + (service ? "service" : "graph")
          + "\",\"refresh_token\":\"rt\",\"id_token\":\""
          + idToken
          + "\",\"client_info\":\""
          + clientInfo
          + "\"}";
    }
  }

  private final RecordingHttpClient http = new RecordingHttpClient();
  private final MsalApps apps =
      new MsalApps(
          "client-1",
          ClientCredentialSource.secret("secret"),
          "https://contoso.ciamlogin.com/",
          true,
          http);

  @Test
  void authorizeUrlIsOnTheSubdomainHostUnderTheOnmicrosoftDomain() throws Exception {
    URL url =
        apps.newClient()
            .getAuthorizationRequestUrl(
                AuthorizationRequestUrlParameters.builder(
                        "https://app.contoso.com/auth/redirect", Set.of("User.Read"))
                    .build());
    assertEquals(
        "https://contoso.ciamlogin.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize",
        url.toString().substring(0, url.toString().indexOf('?')));
    assertTrue(http.requests.isEmpty(), "no network call to build it: " + http.requests);
  }

  @Test
  void codeRedemptionRefreshAndCacheHitUseOnlyTheCiamTokenUrl() throws Exception {
    AtomicReference<String> session = new AtomicReference<>();
    ConfidentialClientApplication signIn =
        apps.newClient(new SessionTokenCache(Optional.empty(), CIPHER, session::set));
    signIn
        .acquireToken(
            AuthorizationCodeParameters.builder(
                    "code-1", URI.create("https://app.contoso.com/auth/redirect"))
                .scopes(Set.of("User.Read"))
                .build())
        .get();
    assertEquals(List.of("POST " + TOKEN_URL), http.requests);

    // A later request: a fresh client seeded from the session's cache.
    ConfidentialClientApplication later =
        apps.newClient(
            new SessionTokenCache(Optional.ofNullable(session.get()), CIPHER, session::set));
    IAccount account = later.getAccounts().join().iterator().next();
    assertEquals(OID + "." + TID, account.homeAccountId());
    String cached =
        later
            .acquireTokenSilently(SilentParameters.builder(Set.of("User.Read"), account).build())
            .get()
            .accessToken();
    assertEquals("at-graph", cached);
    assertEquals(1, http.requests.size(), "the silent call hit the cache: " + http.requests);

    String refreshed =
        later
            .acquireTokenSilently(
                SilentParameters.builder(Set.of("api://svc/EditProfileService.ReadWrite"), account)
                    .build())
            .get()
            .accessToken();
    assertEquals("at-service", refreshed);
    assertEquals(List.of("POST " + TOKEN_URL, "POST " + TOKEN_URL), http.requests);
    assertTrue(
        http.requests.stream().noneMatch(r -> r.contains("login.microsoftonline.com")),
        "no instance discovery: " + http.requests);
  }
}
