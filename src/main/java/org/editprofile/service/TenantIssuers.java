package org.editprofile.service;

import java.net.URI;
import java.util.Set;

/**
 * The issuers of one tenant's access tokens, derived from its v2.0 issuer ({@code
 * https://<host>/<tenant-id>/v2.0}, the discovery document's {@code issuer}):
 *
 * <ul>
 *   <li>v2.0: the discovery issuer itself (for External ID, {@code
 *       https://<tenant-id>.ciamlogin.com/<tenant-id>/v2.0});
 *   <li>v1.0: the same without {@code v2.0}, which is how v1.0 tokens of external tenants have been
 *       seen (Microsoft does not document the CIAM form), and {@code
 *       https://sts.windows.net/<tenant-id>/}, the v1.0 issuer Microsoft documents for Entra
 *       tenants.
 * </ul>
 *
 * Every form names the same tenant id, so no other tenant's token can pass.
 */
record TenantIssuers(String tenantId, Set<String> issuers) {

  static TenantIssuers of(String v2Issuer) {
    String path = URI.create(v2Issuer).getPath();
    String[] segments = path.split("/");
    if (segments.length < 3 || !"v2.0".equals(segments[segments.length - 1])) {
      throw new IllegalArgumentException("not a v2.0 issuer: " + v2Issuer);
    }
    String tenantId = segments[segments.length - 2];
    String v1 = v2Issuer.substring(0, v2Issuer.length() - "v2.0".length());
    return new TenantIssuers(
        tenantId, Set.of(v2Issuer, v1, "https://sts.windows.net/" + tenantId + "/"));
  }

  boolean accepts(String issuer) {
    return issuer != null && issuers.contains(issuer);
  }
}
