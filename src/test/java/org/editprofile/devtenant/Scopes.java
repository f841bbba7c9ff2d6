package org.editprofile.devtenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A scope parameter split the way Entra reads it: OIDC scopes and scopes per resource. */
record Scopes(List<String> oidc, Map<Resource, List<String>> byResource, List<String> unknown) {

  private static final Set<String> OIDC = Set.of("openid", "profile", "offline_access", "email");

  /** An API that tokens can be issued for. */
  record Resource(
      String name, String audience, String prefix, Set<String> scopes, boolean requiresMfa) {}

  static Scopes parse(String scopeParameter, List<Resource> resources) {
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
                  : resource.prefix().startsWith("https://graph") ? scope : null;
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

  boolean needsMfa() {
    return byResource.keySet().stream().anyMatch(Resource::requiresMfa);
  }
}
