package org.editprofile.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.editprofile.auth.IdentityProviderException;
import org.editprofile.graph.GraphException;
import org.editprofile.graph.ProfileChanges;
import org.editprofile.graph.ProfileField;
import org.editprofile.service.BearerTokenValidator.RejectedTokenException;
import org.editprofile.web.AppServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edit profile service: {@code POST /api/updateUserInfo} with a bearer token for the
 * MFA-protected scope and a JSON object of allow-listed fields. It validates the token itself,
 * exchanges it on behalf of the user for Graph User.ReadWrite, and PATCHes {@code /me}. Answers
 * 204, or problem+json with the right status; never 200 on failure.
 */
@WebServlet("/api/updateUserInfo")
public final class UpdateUserInfoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(UpdateUserInfoServlet.class);
  static final int MAX_BODY_BYTES = 16 * 1024;
  private static final String REALM = "Bearer realm=\"edit-profile-service\"";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AppServices services = AppServices.from(getServletContext());
    Optional<AppServices.EditProfileService> service =
        services == null ? Optional.empty() : services.service();
    if (service.isEmpty()) {
      Problem.send(
          response,
          404,
          "Not found",
          "The edit profile service is not enabled on this server.",
          Map.of());
      return;
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      response.setHeader("WWW-Authenticate", REALM);
      Problem.send(response, 401, "Unauthorized", "A bearer token is required.", Map.of());
      return;
    }
    String token = header.substring(7).trim();
    try {
      service.get().tokens().validate(token);
    } catch (RejectedTokenException e) {
      int status = "insufficient_scope".equals(e.error()) ? 403 : 401;
      response.setHeader(
          "WWW-Authenticate",
          REALM + ", error=\"" + e.error() + "\", error_description=\"" + e.getMessage() + "\"");
      Problem.send(
          response, status, status == 403 ? "Forbidden" : "Unauthorized", e.getMessage(), Map.of());
      return;
    }

    Optional<ProfileChanges> changes = readChanges(request, response);
    if (changes.isEmpty()) {
      return;
    }
    OnBehalfOfClient.Outcome obo;
    try {
      obo = service.get().onBehalfOf().exchange(token);
    } catch (IdentityProviderException e) {
      LOG.warn("On-behalf-of exchange failed: {}", e.getMessage());
      Problem.send(
          response,
          502,
          "Bad gateway",
          "The sign-in service could not issue a Graph token.",
          Map.of());
      return;
    }
    if (obo instanceof OnBehalfOfClient.Outcome.InteractionRequired required) {
      challenge(response, required.claims());
      return;
    }
    try {
      services
          .graph()
          .updateMe(((OnBehalfOfClient.Outcome.Token) obo).accessToken(), changes.get());
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } catch (GraphException e) {
      if (e.kind() == GraphException.Kind.UNAUTHORIZED
          || e.kind() == GraphException.Kind.CLAIMS_CHALLENGE) {
        service.get().onBehalfOf().forget(token);
      }
      relay(response, e);
    }
  }

  /**
   * Parses and checks the body; on any problem sends the 4xx and returns empty. No Graph call
   * happens then.
   */
  private Optional<ProfileChanges> readChanges(
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      Problem.send(response, 415, "Unsupported media type", "Send application/json.", Map.of());
      return Optional.empty();
    }
    // Reads at most one byte more than allowed, whatever Content-Length claims.
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      Problem.send(
          response,
          413,
          "Content too large",
          "The body must be at most " + MAX_BODY_BYTES + " bytes.",
          Map.of());
      return Optional.empty();
    }
    JsonNode doc;
    try {
      doc = JSON.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      Problem.send(response, 400, "Bad request", "The body is not valid JSON.", Map.of());
      return Optional.empty();
    }
    if (doc == null || !doc.isObject()) {
      Problem.send(response, 400, "Bad request", "The body must be a JSON object.", Map.of());
      return Optional.empty();
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
    if (errors.isEmpty()) {
      errors.putAll(ProfileChanges.validate(values, Optional.empty()).errors());
    }
    if (!errors.isEmpty()) {
      Problem.send(
          response,
          400,
          "Bad request",
          "Some properties were not accepted.",
          Map.of("errors", errors));
      return Optional.empty();
    }
    if (values.isEmpty()) {
      Problem.send(response, 400, "Bad request", "No properties to change.", Map.of());
      return Optional.empty();
    }
    return ProfileChanges.validate(values, Optional.empty()).changes();
  }

  private static void challenge(HttpServletResponse response, Optional<String> claims)
      throws IOException {
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
    response.setHeader("WWW-Authenticate", header);
    Problem.send(
        response,
        401,
        "Interaction required",
        "The user must complete additional verification.",
        claims.map(c -> Map.of("claims", c)).orElse(Map.of()));
  }

  private static void relay(HttpServletResponse response, GraphException e) throws IOException {
    LOG.warn("Graph PATCH /me failed: {}", e.kind());
    switch (e.kind()) {
      case INVALID_INPUT ->
          Problem.send(
              response,
              400,
              "Bad request",
              "Microsoft Graph did not accept the values.",
              Map.of("errors", e.fieldErrors()));
      case CLAIMS_CHALLENGE -> challenge(response, e.claims());
      case FORBIDDEN ->
          Problem.send(response, 403, "Forbidden", "Microsoft Graph refused the change.", Map.of());
      case THROTTLED -> {
        e.retryAfter()
            .ifPresent(d -> response.setHeader("Retry-After", Long.toString(d.toSeconds())));
        Problem.send(
            response,
            429,
            "Too many requests",
            "Microsoft Graph is throttling; retry later.",
            Map.of());
      }
      default ->
          Problem.send(
              response, 502, "Bad gateway", "Microsoft Graph could not be reached.", Map.of());
    }
  }
}
