package org.editprofile.bench;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.it.Browser;
import org.editprofile.it.Browser.Page;
import org.editprofile.it.DevTenantUser;
import org.editprofile.it.Journeys;
import org.jsoup.nodes.Element;

/**
 * A delegated Graph token obtained the way any client would: the authorization code flow with PKCE
 * against the dev tenant's own endpoints, as the web app's registration. The benchmark uses it to
 * call Graph {@code /me} directly, the yardstick for the app's profile page.
 */
final class GraphToken {

  private GraphToken() {}

  static String obtain(DevTenant tenant, String redirectUri, DevTenantUser user)
      throws IOException {
    OIDCProviderMetadata metadata = discover(tenant);
    ClientID client = new ClientID(tenant.webClientId());
    CodeVerifier verifier = new CodeVerifier();
    URI redirect = URI.create(redirectUri);
    AuthorizationRequest authorize =
        new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), client)
            .endpointURI(metadata.getAuthorizationEndpointURI())
            .redirectionURI(redirect)
            .scope(new Scope("openid", "offline_access", "User.Read"))
            .state(new State())
            .responseMode(ResponseMode.FORM_POST)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build();
    Browser browser = new Browser();
    Page login = browser.open(authorize.toURI().toString());
    // The tenant answers the credentials with its form_post page addressed to the redirect URI:
    // take the code from it instead of delivering it to the app.
    Page formPost = Journeys.enterCredentials(browser, login, user);
    Element code = formPost.doc().selectFirst("form#response input[name=code]");
    if (code == null) {
      throw new IOException("no authorization code in the tenant's answer:\n" + formPost.body());
    }
    TokenRequest request =
        new TokenRequest(
            metadata.getTokenEndpointURI(),
            new ClientSecretPost(client, new Secret(tenant.webClientSecret())),
            new AuthorizationCodeGrant(
                new AuthorizationCode(code.attr("value")), redirect, verifier),
            new Scope("User.Read"));
    try {
      TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
      if (!response.indicatesSuccess()) {
        throw new IOException(
            "token request refused: " + response.toErrorResponse().getErrorObject());
      }
      return response.toSuccessResponse().getTokens().getAccessToken().getValue();
    } catch (ParseException e) {
      throw new IOException(e);
    }
  }

  private static OIDCProviderMetadata discover(DevTenant tenant) throws IOException {
    URI document =
        URI.create(tenant.authority().replaceAll("/?$", "/"))
            .resolve(".well-known/openid-configuration");
    try {
      return OIDCProviderMetadata.parse(
          new HTTPRequest(HTTPRequest.Method.GET, document).send().getBodyAsJSONObject());
    } catch (ParseException e) {
      throw new IOException(e);
    }
  }
}
