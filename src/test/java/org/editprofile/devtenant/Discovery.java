package org.editprofile.devtenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tenant's OpenID Connect discovery document. */
final class Discovery {

  private Discovery() {}

  /**
   * The v2.0 discovery document. Like Entra's, its URLs name the tenant by id whichever path it was
   * fetched under, and it names the issuer on its own host.
   */
  static Map<String, Object> document(TenantLayout layout, boolean codeChallengeMethods) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("token_endpoint", layout.tenantEndpoint("/oauth2/v2.0/token"));
    doc.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_post", "private_key_jwt", "client_secret_basic"));
    doc.put("jwks_uri", layout.tenantEndpoint("/discovery/v2.0/keys"));
    doc.put("response_modes_supported", List.of("query", "fragment", "form_post"));
    doc.put("subject_types_supported", List.of("pairwise"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
    doc.put("response_types_supported", List.of("code", "id_token", "code id_token"));
    doc.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
    doc.put("issuer", layout.issuerV2());
    doc.put("request_uri_parameter_supported", false);
    doc.put("authorization_endpoint", layout.pageUrl("/oauth2/v2.0/authorize"));
    doc.put("http_logout_supported", true);
    doc.put("frontchannel_logout_supported", true);
    doc.put("end_session_endpoint", layout.pageUrl("/oauth2/v2.0/logout"));
    if (codeChallengeMethods) {
      // The authorize endpoint takes S256 only (AADSTS501491 for anything else).
      doc.put("code_challenge_methods_supported", List.of("S256"));
    }
    doc.put(
        "claims_supported",
        List.of(
            "sub",
            "iss",
            "aud",
            "exp",
            "iat",
            "auth_time",
            "nonce",
            "name",
            "preferred_username",
            "email",
            "oid",
            "tid",
            "ver"));
    doc.put("tenant_region_scope", "EU");
    return doc;
  }
}
