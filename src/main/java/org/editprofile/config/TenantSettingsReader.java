package org.editprofile.config;

import static org.editprofile.config.SettingsLoader.AUTHORITY;
import static org.editprofile.config.SettingsLoader.GRAPH_API_ENDPOINT;
import static org.editprofile.config.SettingsLoader.HTTP_CONNECT_TIMEOUT_MS;
import static org.editprofile.config.SettingsLoader.HTTP_READ_TIMEOUT_MS;
import static org.editprofile.config.SettingsLoader.TENANT_SUBDOMAIN;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The tenant's settings, which the web app and the service share: the authority (a CIAM subdomain
 * or any https authority), Graph's address and the HTTP timeouts.
 */
final class TenantSettingsReader {

  private static final String DEFAULT_GRAPH = "https://graph.microsoft.com/";

  private final SettingReader settings;

  TenantSettingsReader(SettingReader settings) {
    this.settings = settings;
  }

  TenantSettings read() {
    Optional<String> subdomain = settings.optional(TENANT_SUBDOMAIN);
    Optional<String> authorityOverride = settings.optional(AUTHORITY);
    URI graph =
        settings.url(
            GRAPH_API_ENDPOINT,
            SettingReader.withSlash(settings.optional(GRAPH_API_ENDPOINT).orElse(DEFAULT_GRAPH)));
    Duration connectTimeout = settings.millis(HTTP_CONNECT_TIMEOUT_MS, 5_000);
    Duration readTimeout = settings.millis(HTTP_READ_TIMEOUT_MS, 15_000);

    String authority = null;
    boolean ciam = false;
    URI discovery = null;
    if (authorityOverride.isPresent()) {
      authority = SettingReader.withSlash(authorityOverride.get());
      URI parsed = authority.startsWith("https://") ? settings.url(AUTHORITY, authority) : null;
      if (!authority.startsWith("https://")) {
        settings.problem(AUTHORITY + " must be an https URL (MSAL4J accepts no other)");
      } else if (parsed != null && isTenantDomainForm(parsed)) {
        settings.problem(
            AUTHORITY
                + " must not name the tenant as <subdomain>.onmicrosoft.com: its discovered issuer"
                + " is on another host, which MSAL4J refuses on every request. Set "
                + TENANT_SUBDOMAIN
                + " instead (or AUTHORITY with the tenant id)");
      } else if (parsed != null) {
        ciam = isCiamRoot(parsed);
        // MSAL4J's oidcAuthority discovers from <authority>.well-known/openid-configuration.
        discovery =
            ciam
                ? ciamDiscovery(parsed.getHost())
                : URI.create(authority + ".well-known/openid-configuration");
      }
    } else if (subdomain.isEmpty()) {
      settings.problem(TENANT_SUBDOMAIN + " is missing (or set " + AUTHORITY + ")");
    } else if (!subdomain.get().matches("[A-Za-z0-9-]{1,63}")) {
      settings.problem(TENANT_SUBDOMAIN + " must be the tenant's subdomain, such as 'contoso'");
    } else {
      authority = "https://" + subdomain.get() + ".ciamlogin.com/";
      ciam = true;
      discovery = ciamDiscovery(subdomain.get() + ".ciamlogin.com");
    }
    return new TenantSettings(
        authority,
        ciam,
        discovery,
        graph,
        connectTimeout,
        readTimeout,
        new CustomAttributesReader(settings).read());
  }

  /**
   * A path-less ciamlogin.com authority: MSAL4J's CIAM type, whose tenant is {@code
   * <sub>.onmicrosoft.com}.
   */
  private static boolean isCiamRoot(URI authority) {
    String path = authority.getPath();
    return authority.getHost() != null
        && authority.getHost().endsWith(".ciamlogin.com")
        && (path == null || path.isEmpty() || "/".equals(path))
        && authority.getPort() == -1;
  }

  /**
   * {@code https://<sub>.ciamlogin.com/<sub>.onmicrosoft.com/...}: Entra's discovery document there
   * names the issuer {@code https://<tenant-id>.ciamlogin.com/<tenant-id>/v2.0}, which MSAL4J's
   * oidcAuthority rejects (issuer_validation).
   */
  private static boolean isTenantDomainForm(URI authority) {
    String path = authority.getPath() == null ? "" : authority.getPath();
    return authority.getHost() != null
        && authority.getHost().endsWith(".ciamlogin.com")
        && path.matches("/[^/]+\\.onmicrosoft\\.com(/.*)?");
  }

  private static URI ciamDiscovery(String host) {
    String tenant = host.substring(0, host.indexOf('.')) + ".onmicrosoft.com";
    return URI.create("https://" + host + "/" + tenant + "/v2.0/.well-known/openid-configuration");
  }
}
