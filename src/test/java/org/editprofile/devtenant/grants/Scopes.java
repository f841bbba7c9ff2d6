package org.editprofile.devtenant.grants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A scope parameter split the way Entra reads it: OIDC scopes and scopes per resource. */
public record Scopes(
    List<String> oidc, Map<Resource, List<String>> byResource, List<String> unknown) {

  private static final Set<String> OIDC = Set.of("openid", "profile", "offline_access", "email");

  /**
   * An API that tokens can be issued for.
   *
   * @param clientId the API's application id: the audience of its v2.0 tokens
   * @param prefix its Application ID URI plus '/', which prefixes its scopes
   * @param accessTokenVersion 1 or 2, as the API's registration asks
   */
  public record Resource(
      String name,
      String clientId,
      String prefix,
      Set<String> scopes,
      boolean requiresMfa,
      int accessTokenVersion) {

    /** Microsoft Graph's well-known application id. */
    public static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

    /**
     * Microsoft Graph: scopes without a prefix mean Graph. Its tokens are v1.0 (Microsoft: Graph's
     * tokens are in a format apps must not rely on; the emulator uses v1.0).
     */
    public static final Resource GRAPH =
        new Resource(
            "graph",
            GRAPH_APP_ID,
            "https://graph.microsoft.com/",
            Set.of("User.Read", "User.ReadWrite", "Directory.AccessAsUser.All"),
            false,
            1);

    /**
     * The {@code aud} of its access tokens: the client id for v2.0; the Application ID URI for v1.0
     * (access-tokens.md: "aud ... v1.0 tokens: the App ID URI; v2.0 tokens: the client ID").
     * Graph's tokens carry its application id.
     */
    String audience() {
      if (isV2() || isGraph()) {
        return clientId;
      }
      return prefix.substring(0, prefix.length() - 1);
    }

    boolean isGraph() {
      return this.equals(GRAPH);
    }

    /** Whether its access tokens are v2.0 (Graph's are v1.0 whatever is asked). */
    boolean isV2() {
      return accessTokenVersion == 2 && !isGraph();
    }
  }

  public static Scopes parse(String scopeParameter, List<Resource> resources) {
    List<String> oidc = new ArrayList<>();
    Map<Resource, List<String>> byResource = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    if (scopeParameter != null) {
      for (String scope : scopeParameter.trim().split("\\s+")) {
        if (scope.isEmpty()) {
          continue;
        }
        if (OIDC.contains(scope)) {
          oidc.add(scope);
          continue;
        }
        Resource match = null;
        String shortName = null;
        for (Resource resource : resources) {
          String candidate =
              scope.startsWith(resource.prefix())
                  ? scope.substring(resource.prefix().length())
                  : resource.isGraph() ? scope : null;
          if (candidate != null && resource.scopes().contains(candidate)) {
            match = resource;
            shortName = candidate;
            break;
          }
        }
        if (match == null) {
          unknown.add(scope);
        } else {
          byResource.computeIfAbsent(match, r -> new ArrayList<>()).add(shortName);
        }
      }
    }
    return new Scopes(oidc, byResource, unknown);
  }

  public boolean needsMfa() {
    return byResource.keySet().stream().anyMatch(Resource::requiresMfa);
  }
}
