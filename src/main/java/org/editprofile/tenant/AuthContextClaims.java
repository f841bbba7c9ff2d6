package org.editprofile.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authentication contexts (Conditional Access, {@code c1} to {@code c25}) in OpenID Connect's
 * terms: the claims request that asks the tenant for one, and the {@code acrs} claim that says a
 * token satisfied it. Microsoft documents both in "Developer guide to Conditional Access
 * authentication context": the app asks with the {@code claims} parameter and checks {@code acrs}
 * in the token it receives, since a user can remove the parameter from the authorize URL.
 */
public final class AuthContextClaims {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AuthContextClaims() {}

  /**
   * The claims request for the context as an essential {@code acrs} value, in the ID token (which
   * the app checks) and in the access token (which an API checks).
   */
  public static String request(String context) {
    ObjectNode acrs = JSON.createObjectNode().put("essential", true).put("value", context);
    ObjectNode claims = JSON.createObjectNode();
    claims.putObject("id_token").set("acrs", acrs);
    claims.putObject("access_token").set("acrs", acrs.deepCopy());
    return claims.toString();
  }

  /**
   * The claims request an API sends back in its challenge: the context in the access token only.
   */
  public static String accessTokenRequest(String context) {
    ObjectNode claims = JSON.createObjectNode();
    claims.putObject("access_token").putObject("acrs").put("essential", true).put("value", context);
    return claims.toString();
  }

  /**
   * The two claims requests as one: objects merged member by member, the challenge's value kept
   * where both name the same claim. A challenge that is not a JSON object is passed on unchanged
   * rather than lost.
   */
  public static String merge(String request, Optional<String> challenge) {
    if (challenge.isEmpty() || challenge.get().isBlank()) {
      return request;
    }
    try {
      JsonNode base = JSON.readTree(request);
      JsonNode other = JSON.readTree(challenge.get());
      if (!(base instanceof ObjectNode merged) || !(other instanceof ObjectNode)) {
        return challenge.get();
      }
      mergeInto(merged, (ObjectNode) other);
      return merged.toString();
    } catch (JsonProcessingException e) {
      return challenge.get();
    }
  }

  private static void mergeInto(ObjectNode target, ObjectNode source) {
    for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      JsonNode existing = target.get(member.getKey());
      if (existing instanceof ObjectNode into && member.getValue() instanceof ObjectNode from) {
        mergeInto(into, from);
      } else {
        target.set(member.getKey(), member.getValue().deepCopy());
      }
    }
  }

  /**
   * The contexts a token's {@code acrs} claim names (a JSON array of ids in Entra's tokens; a
   * single string is read as one); empty for anything else.
   */
  public static List<String> satisfied(Object acrs) {
    List<String> ids = new ArrayList<>();
    if (acrs instanceof String id) {
      ids.add(id);
    } else if (acrs instanceof Collection<?> values) {
      for (Object value : values) {
        if (value instanceof String id) {
          ids.add(id);
        }
      }
    }
    return List.copyOf(ids);
  }
}
