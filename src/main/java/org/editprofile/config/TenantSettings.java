package org.editprofile.config;

import java.net.URI;
import java.time.Duration;
import org.editprofile.profile.CustomAttributes;

/**
 * What the web app and the edit profile service share: the tenant, Graph, and the HTTP client's
 * timeouts.
 *
 * @param authority the authority MSAL4J is given, always ending in '/'
 * @param ciamAuthority true for {@code https://<subdomain>.ciamlogin.com/}, which MSAL4J knows
 *     without discovery; false for any other https authority, used through {@code oidcAuthority}
 * @param discoveryUrl the OpenID Connect discovery document of the tenant
 * @param customAttributes the tenant's custom user attributes the app shows (none by default)
 */
public record TenantSettings(
    String authority,
    boolean ciamAuthority,
    URI discoveryUrl,
    URI graphEndpoint,
    Duration connectTimeout,
    Duration readTimeout,
    CustomAttributes customAttributes) {

  /** Without custom attributes. */
  public TenantSettings(
      String authority,
      boolean ciamAuthority,
      URI discoveryUrl,
      URI graphEndpoint,
      Duration connectTimeout,
      Duration readTimeout) {
    this(
        authority,
        ciamAuthority,
        discoveryUrl,
        graphEndpoint,
        connectTimeout,
        readTimeout,
        CustomAttributes.NONE);
  }

  /** The Graph {@code v1.0/me} URL. */
  public URI graphMeUrl() {
    return graphEndpoint.resolve("v1.0/me");
  }
}
