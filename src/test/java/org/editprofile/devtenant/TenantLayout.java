package org.editprofile.devtenant;

import java.util.List;

/**
 * Where a dev tenant's endpoints live and what its URLs look like.
 *
 * <p>{@link #entra} is Entra External ID's own layout: every endpoint on {@code
 * https://<sub>.ciamlogin.com/}, under both {@code /<sub>.onmicrosoft.com/} and {@code
 * /<tenant-id>/}; the issuer on another host, {@code
 * https://<tenant-id>.ciamlogin.com/<tenant-id>/v2.0}; Graph on {@code
 * https://graph.microsoft.com/}. It needs those names to resolve to this machine and port 443, so
 * it runs in a private network namespace (see src/test/sh/in-tenant-namespace).
 *
 * <p>{@link #singleHost} is one host and port, as with a CIAM custom URL domain: what the run
 * command uses, since it needs no root. Its issuer equals its authority (MSAL4J's oidcAuthority
 * checks that), its browser pages may sit on a plain-http port, and Graph is under {@code /graph/}.
 *
 * @param subdomain the tenant's subdomain: {@code <sub>.ciamlogin.com}, {@code
 *     <sub>.onmicrosoft.com}
 * @param endpointBase https origin of discovery, JWKS, authorize, token and logout (no trailing /)
 * @param issuerBase origin of the issuer
 * @param pagesBase origin of the pages a browser opens (authorize, sign-in, one-time code, logout)
 * @param graphBase Graph's base; {@code /v1.0/me} is below it
 */
public record TenantLayout(
    String subdomain,
    String endpointBase,
    String issuerBase,
    String pagesBase,
    String graphBase,
    boolean entra) {

  public static final String TENANT_ID = "6f2b3c1e-4d5a-4b8e-9c7d-2a1f0e9d8c7b";

  /** Entra's production host names for a subdomain. */
  public static TenantLayout entra(String subdomain) {
    String endpoints = "https://" + subdomain + ".ciamlogin.com";
    return new TenantLayout(
        subdomain,
        endpoints,
        "https://" + TENANT_ID + ".ciamlogin.com",
        endpoints,
        "https://graph.microsoft.com",
        true);
  }

  /** One https host and port for everything, and the browser pages at {@code pagesBase}. */
  public static TenantLayout singleHost(String subdomain, String httpsBase, String pagesBase) {
    return new TenantLayout(
        subdomain, httpsBase, httpsBase, pagesBase, httpsBase + "/graph", false);
  }

  /** The host names a machine must resolve to the dev tenant for {@link #entra}. */
  public static List<String> entraHostNames(String subdomain) {
    return List.of(
        subdomain + ".ciamlogin.com", TENANT_ID + ".ciamlogin.com", "graph.microsoft.com");
  }

  /**
   * {@code <sub>.onmicrosoft.com}: the tenant's domain, a path segment MSAL4J and msal-node use.
   */
  public String tenantDomain() {
    return subdomain + ".onmicrosoft.com";
  }

  /**
   * The v2.0 issuer. For ciamlogin.com Microsoft documents it on the tenant-id host (External ID
   * "Configure an OIDC provider" and the discovery documents of real tenants).
   */
  public String issuerV2() {
    return issuerBase + "/" + TENANT_ID + "/v2.0";
  }

  /**
   * The issuer of v1.0 access tokens. Microsoft documents {@code https://sts.windows.net/<tid>/}
   * for workforce tenants but does not document the CIAM form; tokens from external tenants have
   * been reported with this one (the v2 issuer without {@code v2.0}).
   */
  public String issuerV1() {
    return issuerBase + "/" + TENANT_ID + "/";
  }

  /**
   * What the app is configured with: {@code https://<sub>.ciamlogin.com/} (MSAL4J's CIAM authority)
   * in Entra's layout; the issuer plus '/' (MSAL4J's oidcAuthority) on a single host.
   */
  public String authority() {
    return entra ? endpointBase + "/" : issuerV2() + "/";
  }

  /** The path prefixes every tenant endpoint answers under. */
  public List<String> tenantPrefixes() {
    return List.of("/" + TENANT_ID, "/" + tenantDomain());
  }

  /** The path of Graph's {@code /me} on the endpoint listener. */
  public String graphMePath() {
    return java.net.URI.create(graphBase).getPath() + "/v1.0/me";
  }

  public String tenantEndpoint(String path) {
    return endpointBase + "/" + TENANT_ID + path;
  }

  public String pageUrl(String path) {
    return pagesBase + "/" + TENANT_ID + path;
  }
}
