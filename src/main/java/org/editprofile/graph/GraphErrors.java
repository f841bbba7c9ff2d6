package org.editprofile.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.editprofile.http.LogSafe;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.i18n.Text;
import org.editprofile.profile.ProfileField;

/**
 * Turns an unsuccessful answer from Graph (OData error) or from the edit profile service
 * (problem+json) into a {@link GraphException} the pages can act on.
 */
final class GraphErrors {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CLAIMS = Pattern.compile("claims=\"([^\"]+)\"");
  private static final Pattern QUOTED_PROPERTY = Pattern.compile("'([A-Za-z]+)'");

  /** RFC 9470's error code for a sign-in too old (or too weak) for the resource. */
  private static final String STALE_SIGN_IN = "insufficient_user_authentication";

  private GraphErrors() {}

  static GraphException from(HttpOutcome outcome) {
    int status = outcome.status();
    if (status == 400 || status == 422) {
      return new GraphException(
          Reason.INVALID_INPUT,
          refusesPassword(outcome.body())
              ? "the " + GraphClient.POLICY_REFUSAL + " refused the new password"
              : "the request was refused: " + message(outcome.body()),
          fieldErrors(outcome.body()),
          null,
          null,
          null);
    }
    if (status == 401
        && outcome.wwwAuthenticate().filter(h -> h.contains(STALE_SIGN_IN)).isPresent()) {
      return GraphException.of(Reason.STALE_SIGN_IN, "a more recent sign-in is needed");
    }
    if (status == 401) {
      Optional<String> claims = challengeClaims(outcome);
      return claims.isPresent()
          ? new GraphException(
              Reason.CLAIMS_CHALLENGE, "claims challenge", Map.of(), claims.get(), null, null)
          : GraphException.of(Reason.UNAUTHORIZED, "the access token was not accepted");
    }
    if (status == 403) {
      return GraphException.of(Reason.FORBIDDEN, "not allowed");
    }
    if (status == 404 && namesAMissingObject(outcome.body())) {
      return GraphException.of(Reason.NOT_FOUND, "no such object: " + message(outcome.body()));
    }
    if (status == 429) {
      return new GraphException(
          Reason.THROTTLED, "throttled", Map.of(), null, outcome.retryAfter().orElse(null), null);
    }
    return GraphException.of(Reason.UNAVAILABLE, "HTTP " + status);
  }

  /**
   * Whether a 404 says the object is gone (Graph's {@code Request_ResourceNotFound}, or the edit
   * profile service's {@code account_gone}) rather than that the URL is wrong: a misconfigured
   * Graph or service address must not read as a deleted account.
   */
  private static boolean namesAMissingObject(byte[] body) {
    return json(body)
        .map(
            n ->
                MISSING_OBJECT.equals(n.path("error").path("code").asText(""))
                    || ACCOUNT_GONE.equals(n.path("code").asText("")))
        .orElse(false);
  }

  /** Graph's error code for a directory object that does not exist (any more). */
  private static final String MISSING_OBJECT = "Request_ResourceNotFound";

  /** The edit profile service's code for an account that no longer exists. */
  private static final String ACCOUNT_GONE = "account_gone";

  /** Graph's own words for a refusal, for the log (never shown to the customer). */
  private static String message(byte[] body) {
    return LogSafe.clean(
        json(body).map(n -> n.path("error").path("message").asText("")).orElse(""));
  }

  /**
   * Whether Graph's OData error is its refusal of a password by the tenant's complexity rules ("The
   * specified password does not comply with password complexity requirements", the words Entra uses
   * for every password it refuses on policy grounds).
   */
  private static boolean refusesPassword(byte[] body) {
    return json(body)
        .map(n -> n.path("error").path("message").asText(""))
        .map(m -> m.toLowerCase(java.util.Locale.ROOT).contains("password complexity"))
        .orElse(false);
  }

  /** Graph puts a base64 claims challenge in WWW-Authenticate; the service relays it as JSON. */
  private static Optional<String> challengeClaims(HttpOutcome outcome) {
    Optional<String> fromHeader =
        outcome
            .wwwAuthenticate()
            .map(CLAIMS::matcher)
            .filter(Matcher::find)
            .map(m -> decode(m.group(1)));
    if (fromHeader.isPresent()) {
      return fromHeader;
    }
    return json(outcome.body())
        .map(n -> n.get("claims"))
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText)
        .filter(s -> !s.isBlank());
  }

  private static String decode(String claims) {
    try {
      return new String(Base64.getDecoder().decode(claims), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return claims;
    }
  }

  /** Field name to message, for allow-listed fields only; anything else under the key "". */
  private static Map<String, Text> fieldErrors(byte[] body) {
    Map<String, Text> errors = new LinkedHashMap<>();
    Optional<JsonNode> doc = json(body);
    // problem+json from the edit profile service: {"errors": {"field": "message"}}
    doc.map(n -> n.get("errors"))
        .filter(JsonNode::isObject)
        .ifPresent(node -> node.fieldNames().forEachRemaining(field -> put(errors, field)));
    // OData error from Graph: {"error": {"message": "... 'displayName' ...", "details": [{"target":
    // ...}]}}
    doc.map(n -> n.get("error"))
        .filter(JsonNode::isObject)
        .ifPresent(
            error -> {
              for (JsonNode detail : error.path("details")) {
                put(errors, detail.path("target").asText(""));
              }
              Matcher property = QUOTED_PROPERTY.matcher(error.path("message").asText(""));
              if (errors.isEmpty() && property.find()) {
                put(errors, property.group(1));
              }
            });
    if (errors.isEmpty()) {
      errors.put("", Text.of("form.notAccepted"));
    }
    return errors;
  }

  private static void put(Map<String, Text> errors, String field) {
    Optional<ProfileField> known = ProfileField.byGraphName(field);
    errors.putIfAbsent(
        known.map(ProfileField::graphName).orElse(""),
        known
            .map(f -> Text.of("field.notAccepted", f.label()))
            .orElse(Text.of("form.notAccepted")));
  }

  private static Optional<JsonNode> json(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(body));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }
}
