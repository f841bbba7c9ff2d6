package org.editprofile.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the web app and the edit profile service need, read and checked once at start-up.
 *
 * @param authority the authority MSAL4J is given, always ending in '/'
 * @param ciamAuthority true for {@code https://<subdomain>.ciamlogin.com/}, which MSAL4J knows
 *     without discovery; false for any other https authority, used through {@code oidcAuthority}
 * @param discoveryUrl the OpenID Connect discovery document of the tenant
 * @param editProfileApiUrl the edit profile service; empty means the app PATCHes Graph itself
 * @param service the edit profile service's own registration, when this WAR also serves it
 */
public record AppSettings(
    String authority,
    boolean ciamAuthority,
    URI discoveryUrl,
    String clientId,
    String clientSecret,
    URI redirectUri,
    URI postLogoutRedirectUri,
    URI graphEndpoint,
    String editProfileScope,
    Optional<URI> editProfileApiUrl,
    Duration connectTimeout,
    Duration readTimeout,
    Duration signInTimeout,
    Optional<ServiceSettings> service) {

  /** The Graph {@code v1.0/me} URL. */
  public URI graphMeUrl() {
    return graphEndpoint.resolve("v1.0/me");
  }

  /**
   * True when edits go through the edit profile service (on-behalf-of), false when the app PATCHes
   * Graph.
   */
  public boolean usesEditProfileService() {
    return editProfileApiUrl.isPresent();
  }

  /** Hides the secret from logs and debuggers. */
  @Override
  public String toString() {
    return "AppSettings[authority="
        + authority
        + ", clientId="
        + clientId
        + ", redirectUri="
        + redirectUri
        + "]";
  }
}
