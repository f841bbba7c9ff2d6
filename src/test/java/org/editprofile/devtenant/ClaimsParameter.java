package org.editprofile.devtenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The OpenID Connect {@code claims} parameter as the tenant reads it (OpenID Connect Core 5.5): the
 * authentication contexts it asks for as {@code acrs} values, in the ID token or the access token,
 * and the client capabilities MSAL declares in it ({@code xms_cc}, Microsoft's "Client
 * capabilities" of Continuous Access Evaluation: {@code cp1}). An unreadable parameter asks for
 * nothing.
 */
public record ClaimsParameter(Set<String> authContexts, Set<String> clientCapabilities) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static final ClaimsParameter NONE = new ClaimsParameter(Set.of(), Set.of());

  public static ClaimsParameter parse(String claims) {
    if (claims == null || claims.isBlank()) {
      return NONE;
    }
    JsonNode root;
    try {
      root = JSON.readTree(claims);
    } catch (IOException e) {
      return NONE;
    }
    if (root == null || !root.isObject()) {
      return NONE;
    }
    Set<String> contexts = new LinkedHashSet<>();
    for (String token : new String[] {"id_token", "access_token"}) {
      values(root.path(token).path("acrs"), contexts);
    }
    Set<String> capabilities = new LinkedHashSet<>();
    values(root.path("access_token").path("xms_cc"), capabilities);
    return new ClaimsParameter(Set.copyOf(contexts), Set.copyOf(capabilities));
  }

  /** A claim request's {@code value} and {@code values} (OpenID Connect Core 5.5.1). */
  private static void values(JsonNode request, Set<String> into) {
    if (request.path("value").isTextual()) {
      into.add(request.path("value").asText());
    }
    request.path("values").forEach(v -> into.add(v.asText()));
  }

  public ClaimsParameter and(ClaimsParameter other) {
    Set<String> contexts = new LinkedHashSet<>(authContexts);
    contexts.addAll(other.authContexts);
    Set<String> capabilities = new LinkedHashSet<>(clientCapabilities);
    capabilities.addAll(other.clientCapabilities);
    return new ClaimsParameter(Set.copyOf(contexts), Set.copyOf(capabilities));
  }
}
