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
import org.editprofile.profile.CustomAttributes;
import org.editprofile.profile.ProfileChanges;
import org.editprofile.profile.ProfileField;
import org.editprofile.tenant.TenantException;
import org.editprofile.tenant.TokenOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edit profile service's logic, without servlets: check the bearer token, then the body (a JSON
 * object of allow-listed fields and declared custom attributes), then write: built-in fields alone
 * through the on-behalf-of exchange (Graph {@code User.ReadWrite}, {@code PATCH /me}); with custom
 * attributes, which have no delegated write, through the service's own app-only token in one {@code
 * PATCH /users/{oid}} of the token's user. Every refusal is a problem+json answer with the right
 * status; nothing reaches Graph before every check passed.
 */
public final class UpdateUserInfo {

  private static final Logger LOG = LoggerFactory.getLogger(UpdateUserInfo.class);
  public static final int MAX_BODY_BYTES = 16 * 1024;
  static final String REALM = Callers.REALM;
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Callers callers;
  private final OnBehalfOfClient onBehalfOf;
  private final GraphClient graph;
  private final CustomAttributes declared;
  private final Optional<AppOnlyGraphToken> appOnlyGraph;

  /** The API answers in English: its callers are programs, which show their own words. */
  private final Messages messages;

  public UpdateUserInfo(
      BearerTokenValidator bearerTokens,
      OnBehalfOfClient onBehalfOf,
      GraphClient graph,
      Messages messages) {
    this(bearerTokens, onBehalfOf, graph, messages, CustomAttributes.NONE, Optional.empty());
  }

  /**
   * @param declared the tenant's custom attributes the app declares: the only ones a body may name
   * @param appOnlyGraph the service's app-only Graph token, when its registration holds {@code
   *     User.ReadWrite.All}: without it, custom attributes cannot be written
   */
  public UpdateUserInfo(
      BearerTokenValidator bearerTokens,
      OnBehalfOfClient onBehalfOf,
      GraphClient graph,
      Messages messages,
      CustomAttributes declared,
      Optional<AppOnlyGraphToken> appOnlyGraph) {
    this.callers = new Callers(bearerTokens);
    this.onBehalfOf = onBehalfOf;
    this.graph = graph;
    this.messages = messages;
    this.declared = declared;
    this.appOnlyGraph = appOnlyGraph;
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
    Callers.Result who = callers.check(request.authorization());
    if (who instanceof Callers.Result.Refused refused) {
      return refuse(refused.problem());
    }
    Callers.Result.Caller caller = (Callers.Result.Caller) who;
    Changes changes = readChanges(request);
    if (changes instanceof Changes.Invalid invalid) {
      return refuse(invalid.problem());
    }
    ProfileChanges valid = ((Changes.Valid) changes).changes();
    return valid.hasAttributes() ? updateAppOnly(caller, valid) : update(caller.token(), valid);
  }

  /**
   * Custom attributes have no delegated write: the service's own app-only token PATCHes the user
   * the validated token names, built-in fields and attributes in one request (all or nothing).
   */
  private Outcome updateAppOnly(Callers.Result.Caller caller, ProfileChanges changes) {
    String appToken;
    try {
      appToken = appOnlyGraph.orElseThrow().acquire();
    } catch (TenantException e) {
      return refuse(AppOnlyFailures.tenant(e, "the profile update"));
    }
    try {
      graph.updateUser(appToken, caller.userId(), changes);
      LOG.info("Profile updated with the service's permission: {}", changes.body().keySet());
      return new Outcome.Updated();
    } catch (GraphException e) {
      if (e.reason() == Reason.FORBIDDEN) {
        return refuse(AppOnlyFailures.permissionMissing("PATCH /users/{id}"));
      }
      return refuse(relay(e));
    }
  }

  private Outcome update(String token, ProfileChanges changes) {
    TokenOutcome obo;
    try {
      obo = onBehalfOf.exchange(token);
    } catch (TenantException e) {
      if (e.reason() == Reason.NOT_FOUND) {
        return refuse(AppOnlyFailures.accountGone());
      }
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
      LOG.info("Profile updated on the user's behalf: {}", changes.body().keySet());
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
      String name = entry.getKey();
      JsonNode value = entry.getValue();
      Optional<CustomAttributes.Attribute> attribute = declared.byGraphName(name);
      if (attribute.isPresent() && appOnlyGraph.isEmpty()) {
        errors.put(name, "Custom attributes need the service's application permission.");
      } else if (attribute.isPresent()) {
        attributeText(attribute.get(), value)
            .ifPresentOrElse(
                text -> values.put(name, text),
                () -> errors.put(name, "Must be " + jsonType(attribute.get()) + " or null."));
      } else if (ProfileField.byGraphName(name).isEmpty()) {
        errors.put(name, "This property cannot be changed here.");
      } else if (value.isNull()) {
        values.put(name, "");
      } else if (value.isTextual()) {
        values.put(name, value.asText());
      } else {
        errors.put(name, "Must be a string or null.");
      }
    }
    ProfileChanges.Validation checked =
        ProfileChanges.validate(
            values, Map.of(), appOnlyGraph.isPresent() ? declared : CustomAttributes.NONE);
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

  /** A JSON value of the attribute's type, as the form would have typed it ("" for null). */
  private static Optional<String> attributeText(
      CustomAttributes.Attribute attribute, JsonNode value) {
    if (value.isNull()) {
      return Optional.of("");
    }
    boolean fits =
        switch (attribute.type()) {
          case STRING -> value.isTextual();
          case INTEGER -> value.isIntegralNumber();
          case BOOLEAN -> value.isBoolean();
        };
    return fits ? Optional.of(value.asText()) : Optional.empty();
  }

  private static String jsonType(CustomAttributes.Attribute attribute) {
    return switch (attribute.type()) {
      case STRING -> "a string";
      case INTEGER -> "a whole number";
      case BOOLEAN -> "true or false";
    };
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

  /** Graph's failure in the service's own terms. */
  private Problem relay(GraphException e) {
    LOG.warn("Graph PATCH failed: {}", e.reason());
    if (e.reason() == Reason.NOT_FOUND) {
      return AppOnlyFailures.accountGone();
    }
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
          Problem.tooManyRequests("Microsoft Graph is throttling; retry later.", e.retryAfter());
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
