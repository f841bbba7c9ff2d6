package org.editprofile.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.editprofile.graph.GraphClient;
import org.editprofile.graph.GraphException;
import org.editprofile.http.Problem;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.i18n.Language;
import org.editprofile.i18n.Messages;
import org.editprofile.i18n.Text;
import org.editprofile.profile.ProfileChanges;
import org.editprofile.profile.ProfileField;
import org.editprofile.tenant.TenantException;
import org.editprofile.tenant.TokenOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edit profile service's logic, without servlets: check the bearer token, then the body (a JSON
 * object of allow-listed fields), exchange the token on behalf of the user for Graph {@code
 * User.ReadWrite}, and PATCH {@code /me}. Every refusal is a problem+json answer with the right
 * status; nothing reaches Graph before every check passed.
 */
public final class UpdateUserInfo {

  private static final Logger LOG = LoggerFactory.getLogger(UpdateUserInfo.class);
  public static final int MAX_BODY_BYTES = 16 * 1024;
  static final String REALM = "Bearer realm=\"edit-profile-service\"";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final BearerTokenValidator bearerTokens;
  private final OnBehalfOfClient onBehalfOf;
  private final GraphClient graph;

  /** The API answers in English: its callers are programs, which show their own words. */
  private final Messages messages;

  public UpdateUserInfo(
      BearerTokenValidator bearerTokens,
      OnBehalfOfClient onBehalfOf,
      GraphClient graph,
      Messages messages) {
    this.bearerTokens = bearerTokens;
    this.onBehalfOf = onBehalfOf;
    this.graph = graph;
    this.messages = messages;
  }

  /** Reads the request body, at most {@code limit} bytes, only once the token was accepted. */
  @FunctionalInterface
  public interface Body {
    byte[] read(int limit) throws IOException;
  }

  /**
   * @param authorization the Authorization header, or null
   * @param contentType the Content-Type header, or null
   */
  public record Request(String authorization, String contentType, Body body) {}

  /** The answer: 204, or a problem. */
  public sealed interface Outcome {
    record Updated() implements Outcome {}

    record Refused(Problem problem) implements Outcome {}
  }

  public Outcome handle(Request request) throws IOException {
    String header = request.authorization();
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      return refuse(
          new Problem(
              401,
              "Unauthorized",
              "A bearer token is required.",
              Map.of(),
              Map.of("WWW-Authenticate", REALM)));
    }
    String token = header.substring(7).trim();
    BearerTokenValidator.Check check = bearerTokens.validate(token);
    if (check instanceof BearerTokenValidator.Check.MissingAuthContext missing) {
      return refuse(missingAuthContext(missing));
    }
    if (check instanceof BearerTokenValidator.Check.Rejected rejected) {
      int status = "insufficient_scope".equals(rejected.error()) ? 403 : 401;
      return refuse(
          new Problem(
              status,
              status == 403 ? "Forbidden" : "Unauthorized",
              rejected.description(),
              Map.of(),
              Map.of(
                  "WWW-Authenticate",
                  REALM
                      + ", error=\""
                      + rejected.error()
                      + "\", error_description=\""
                      + rejected.description()
                      + "\"")));
    }
    Changes changes = readChanges(request);
    if (changes instanceof Changes.Invalid invalid) {
      return refuse(invalid.problem());
    }
    return update(token, ((Changes.Valid) changes).changes());
  }

  private Outcome update(String token, ProfileChanges changes) {
    TokenOutcome obo;
    try {
      obo = onBehalfOf.exchange(token);
    } catch (TenantException e) {
      if (e.appCredentialProblem()) {
        // An operator must fix the service's credential: said once per request, at ERROR.
        LOG.error("On-behalf-of exchange failed: {}", e.getMessage());
        return refuse(
            new Problem(
                503,
                "Service unavailable",
                "The edit profile service cannot authenticate to the sign-in service."));
      }
      LOG.warn("On-behalf-of exchange failed: {}", e.getMessage());
      return refuse(
          new Problem(502, "Bad gateway", "The sign-in service could not issue a Graph token."));
    }
    if (obo instanceof TokenOutcome.NeedsUser needsUser) {
      return refuse(challenge(needsUser.claims()));
    }
    try {
      graph.updateMe(((TokenOutcome.Acquired) obo).accessToken(), changes);
      LOG.info("Profile updated on the user's behalf: {}", changes.values().keySet());
      return new Outcome.Updated();
    } catch (GraphException e) {
      if (e.reason() == Reason.UNAUTHORIZED || e.reason() == Reason.CLAIMS_CHALLENGE) {
        onBehalfOf.forget(token);
      }
      return refuse(relay(e));
    }
  }

  /** The body, checked; no Graph call happens when it is invalid. */
  private sealed interface Changes {
    record Valid(ProfileChanges changes) implements Changes {}

    record Invalid(Problem problem) implements Changes {}
  }

  private Changes readChanges(Request request) throws IOException {
    String type = request.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return badBody(415, "Unsupported media type", "Send application/json.", Map.of());
    }
    // Reads at most one byte more than allowed, whatever Content-Length claims.
    byte[] body = request.body().read(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      return badBody(
          413,
          "Content too large",
          "The body must be at most " + MAX_BODY_BYTES + " bytes.",
          Map.of());
    }
    JsonNode doc;
    try {
      doc = JSON.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return badBody(400, "Bad request", "The body is not valid JSON.", Map.of());
    }
    if (doc == null || !doc.isObject()) {
      return badBody(400, "Bad request", "The body must be a JSON object.", Map.of());
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (ProfileField.byGraphName(entry.getKey()).isEmpty()) {
        errors.put(entry.getKey(), "This property cannot be changed here.");
      } else if (entry.getValue().isNull()) {
        values.put(entry.getKey(), "");
      } else if (entry.getValue().isTextual()) {
        values.put(entry.getKey(), entry.getValue().asText());
      } else {
        errors.put(entry.getKey(), "Must be a string or null.");
      }
    }
    ProfileChanges.Validation checked = ProfileChanges.validate(values, Map.of());
    if (errors.isEmpty()) {
      errors.putAll(inEnglish(checked.errors()));
    }
    if (!errors.isEmpty()) {
      return badBody(
          400, "Bad request", "Some properties were not accepted.", Map.of("errors", errors));
    }
    if (values.isEmpty()) {
      return badBody(400, "Bad request", "No properties to change.", Map.of());
    }
    return new Changes.Valid(checked.changes().orElseThrow());
  }

  private static Changes badBody(int status, String title, String detail, Map<String, ?> extra) {
    return new Changes.Invalid(new Problem(status, title, detail, extra, Map.of()));
  }

  /** A 401 that tells the caller to step the user up, with the tenant's claims (RFC 6750 style). */
  private static Problem challenge(Optional<String> claims) {
    String header =
        REALM
            + ", error=\"insufficient_claims\""
            + claims
                .map(
                    c ->
                        ", claims=\""
                            + Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8))
                            + "\"")
                .orElse("");
    return new Problem(
        401,
        "Interaction required",
        "The user must complete additional verification.",
        claims.map(c -> Map.of("claims", c)).orElse(Map.of()),
        Map.of("WWW-Authenticate", header));
  }

  /**
   * A valid token without the required authentication context: a claims challenge for a caller that
   * can step its user up (401, {@code cc_type="authcontext"}, as Microsoft's developer guide to
   * authentication context shows it), a plain 403 naming the context for any other.
   */
  private static Problem missingAuthContext(BearerTokenValidator.Check.MissingAuthContext missing) {
    String detail =
        "The access token does not carry the authentication context "
            + missing.context()
            + " (its acrs claim).";
    if (missing.claimsChallenge().isEmpty()) {
      return new Problem(
          403,
          "Forbidden",
          detail + " Sign the user in again with that context.",
          Map.of("requiredAuthContext", missing.context()),
          Map.of());
    }
    String claims = missing.claimsChallenge().get();
    return new Problem(
        401,
        "Interaction required",
        detail,
        Map.of("claims", claims, "requiredAuthContext", missing.context()),
        Map.of(
            "WWW-Authenticate",
            REALM
                + ", error=\"insufficient_claims\", claims=\""
                + Base64.getEncoder().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "\", cc_type=\"authcontext\""));
  }

  /** Graph's failure in the service's own terms. */
  private Problem relay(GraphException e) {
    LOG.warn("Graph PATCH /me failed: {}", e.reason());
    return switch (e.reason()) {
      case INVALID_INPUT ->
          new Problem(
              400,
              "Bad request",
              "Microsoft Graph did not accept the values.",
              Map.of("errors", inEnglish(e.fieldErrors())),
              Map.of());
      case CLAIMS_CHALLENGE -> challenge(e.claims());
      case FORBIDDEN -> new Problem(403, "Forbidden", "Microsoft Graph refused the change.");
      case THROTTLED ->
          new Problem(
              429,
              "Too many requests",
              "Microsoft Graph is throttling; retry later.",
              Map.of(),
              e.retryAfter()
                  .map(d -> Map.of("Retry-After", Long.toString(d.toSeconds())))
                  .orElse(Map.of()));
      default -> new Problem(502, "Bad gateway", "Microsoft Graph could not be reached.");
    };
  }

  private Map<String, String> inEnglish(Map<String, Text> errors) {
    Map<String, String> words = new LinkedHashMap<>();
    errors.forEach((field, text) -> words.put(field, messages.format(text, Language.ENGLISH)));
    return words;
  }

  private static Outcome refuse(Problem problem) {
    return new Outcome.Refused(problem);
  }
}
