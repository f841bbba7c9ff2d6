package org.editprofile.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names a call to the tenant's token endpoint for the meters: its grant, from the form MSAL4J
 * posts, and its outcome, from the answer. Both come from short fixed lists, whatever the tenant or
 * a caller sends.
 */
final class TokenCalls {

  static final String UNREACHABLE = "unreachable";

  private static final Map<String, String> GRANTS =
      Map.of(
          "authorization_code", "authorization_code",
          "refresh_token", "refresh_token",
          "urn:ietf:params:oauth:grant-type:jwt-bearer", "on_behalf_of",
          "client_credentials", "client_credentials");

  /** The OAuth errors worth telling apart on a dashboard; any other refusal is "refused". */
  private static final Set<String> KNOWN_ERRORS =
      Set.of("invalid_grant", "interaction_required", "invalid_client", "unauthorized_client");

  private static final ObjectMapper JSON = new ObjectMapper();

  private TokenCalls() {}

  /** The grant of a token request, or empty when the body is not one (any other call). */
  static Optional<String> grant(String formBody) {
    if (formBody == null) {
      return Optional.empty();
    }
    for (String pair : formBody.split("&")) {
      if (pair.startsWith("grant_type=")) {
        String value = URLDecoder.decode(pair.substring(11), StandardCharsets.UTF_8);
        return Optional.of(GRANTS.getOrDefault(value, "other"));
      }
    }
    return Optional.empty();
  }

  /** success, one of the known OAuth errors, refused (another 4xx) or failed (5xx). */
  static String outcome(int status, String body) {
    if (status >= 200 && status < 300) {
      return "success";
    }
    if (status >= 500) {
      return "failed";
    }
    try {
      JsonNode error = JSON.readTree(body == null ? "" : body).path("error");
      return KNOWN_ERRORS.contains(error.asText()) ? error.asText() : "refused";
    } catch (IOException e) {
      return "refused";
    }
  }
}
