package org.editprofile.devtenant.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.Directory;
import org.editprofile.devtenant.Exchange;
import org.editprofile.devtenant.Faults;
import org.editprofile.devtenant.grants.Scopes;

/**
 * Microsoft Graph {@code /v1.0/me} for the dev tenant's customers: GET needs User.Read or
 * User.ReadWrite, PATCH needs User.ReadWrite. Errors have Graph's OData shape.
 */
public final class GraphApi {

  private final DevTenant tenant;

  public GraphApi(DevTenant tenant) {
    this.tenant = tenant;
  }

  /**
   * @param action what follows {@code /me}: nothing, or {@code /changePassword}
   */
  public void handle(Exchange ex, Optional<Faults.Fault> fault, String action) throws IOException {
    Optional<JWTClaimsSet> claims = faultOrBearer(ex, fault);
    if (claims.isEmpty()) {
      return;
    }
    List<String> scp = scopes(claims.get());
    Optional<Directory.User> user = tenant.directory().byOid((String) claims.get().getClaim("oid"));
    if (user.isEmpty()) {
      error(ex, 404, "Request_ResourceNotFound", "Resource does not exist.");
      return;
    }
    if (action.equals("/changePassword")) {
      changePassword(ex, user.get(), scp);
      return;
    }
    switch (ex.method()) {
      case "GET" -> {
        if (!scp.contains("User.Read") && !scp.contains("User.ReadWrite")) {
          error(
              ex,
              403,
              "Authorization_RequestDenied",
              "Insufficient privileges to complete the operation.");
          return;
        }
        sendUser(ex, user.get());
      }
      case "PATCH" -> patch(ex, user.get(), scp);
      default -> error(ex, 405, "Request_BadRequest", "Method not allowed.");
    }
  }

  /**
   * Graph's {@code $select}: only the named properties (an unknown name was refused before, as
   * Graph refuses it), and an {@code @odata.context} that lists them.
   */
  private static Map<String, Object> select(Map<String, Object> all, String select) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (select == null || select.isBlank()) {
      body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users/$entity");
      body.putAll(all);
      return body;
    }
    List<String> names = Arrays.asList(select.split(","));
    body.put(
        "@odata.context",
        "https://graph.microsoft.com/v1.0/$metadata#users("
            + String.join(",", names)
            + ")/$entity");
    for (String name : names) {
      if (all.containsKey(name.trim())) {
        body.put(name.trim(), all.get(name.trim()));
      }
    }
    return body;
  }

  /** The user as Graph's GET answers it, with {@code $select} honoured (and checked). */
  private void sendUser(Exchange ex, Directory.User user) throws IOException {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("id", user.oid());
    all.put("mail", user.email());
    String upn = user.oid() + "@" + tenant.layout().tenantDomain();
    all.put("userPrincipalName", upn);
    all.put("createdDateTime", user.createdAt().toString());
    all.put("lastPasswordChangeDateTime", user.passwordChangedAt().toString());
    // An external tenant's local account: its email, and the user principal name Entra makes.
    all.put(
        "identities",
        List.of(
            identity("emailAddress", tenant.layout().tenantDomain(), user.email()),
            identity("userPrincipalName", tenant.layout().tenantDomain(), upn)));
    for (String name : Directory.UPDATABLE.keySet()) {
      all.put(name, null);
    }
    all.putAll(user.snapshot());
    // Custom attributes: Graph returns an extension property only when asked for and set.
    Map<String, String> extensionProperties = tenant.registrations().extensionProperties();
    Map<String, Object> values = user.extensions();
    String select = ex.param("$select");
    if (select != null) {
      for (String name : select.split(",")) {
        String property = name.trim();
        if (!all.containsKey(property) && !extensionProperties.containsKey(property)) {
          error(
              ex,
              400,
              "Request_BadRequest",
              "Could not find a property named '"
                  + property
                  + "' on type 'Microsoft.DirectoryServices.User'.");
          return;
        }
        if (values.containsKey(property)) {
          all.put(property, values.get(property));
        }
      }
    }
    ex.json(200, select(all, select));
  }

  /**
   * Graph's {@code /users/{id}} and {@code /directory/deletedItems/{id}} for app-only tokens
   * (client credentials): GET needs the role {@code User.Read.All} or {@code User.ReadWrite.All},
   * PATCH and DELETE {@code User.ReadWrite.All}; a delegated token or one without the role gets 403
   * Authorization_RequestDenied. DELETE moves the user to the deleted items (its sign-in ends at
   * once); DELETE of a deleted item purges it.
   */
  public void handleDirectory(Exchange ex, Optional<Faults.Fault> fault, String path)
      throws IOException {
    Optional<JWTClaimsSet> claims = faultOrBearer(ex, fault);
    if (claims.isEmpty()) {
      return;
    }
    List<String> roles = roles(claims.get());
    boolean write = !"GET".equals(ex.method());
    boolean allowed =
        claims.get().getClaim("scp") == null
            && (roles.contains("User.ReadWrite.All")
                || (!write && roles.contains("User.Read.All")));
    if (!allowed) {
      error(
          ex,
          403,
          "Authorization_RequestDenied",
          "Insufficient privileges to complete the operation.");
      return;
    }
    if (path.startsWith("/directory/deletedItems/")) {
      String id = path.substring("/directory/deletedItems/".length());
      Optional<Directory.User> gone = tenant.directory().deletedItem(id);
      if (gone.isEmpty()) {
        error(ex, 404, "Request_ResourceNotFound", "Resource '" + id + "' does not exist.");
      } else if ("DELETE".equals(ex.method())) {
        tenant.directory().purge(id);
        ex.empty(204);
      } else if ("GET".equals(ex.method())) {
        ex.json(200, Map.of("id", id, "mail", gone.get().email()));
      } else {
        error(ex, 405, "Request_BadRequest", "Method not allowed.");
      }
      return;
    }
    String id = path.startsWith("/users/") ? path.substring("/users/".length()) : "";
    Optional<Directory.User> user = tenant.directory().byOid(id);
    if (user.isEmpty()) {
      error(ex, 404, "Request_ResourceNotFound", "Resource '" + id + "' does not exist.");
      return;
    }
    switch (ex.method()) {
      case "GET" -> sendUser(ex, user.get());
      case "PATCH" -> patchUser(ex, user.get());
      case "DELETE" -> {
        tenant.directory().delete(id);
        // A deleted account's sessions and refresh tokens end with it.
        tenant.revokeSignInSessions(id);
        ex.empty(204);
      }
      default -> error(ex, 405, "Request_BadRequest", "Method not allowed.");
    }
  }

  /**
   * PATCH /users/{id}: built-in properties as for /me, and custom attributes (extension properties)
   * of their declared type; all checked before anything changes.
   */
  private void patchUser(Exchange ex, Directory.User user) throws IOException {
    Optional<JsonNode> read = permittedJson(ex, List.of("User.ReadWrite"), "User.ReadWrite");
    if (read.isEmpty()) {
      return;
    }
    Map<String, String> declared = tenant.registrations().extensionProperties();
    Map<String, Object> builtIn = new LinkedHashMap<>();
    Map<String, Object> extensions = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = read.get().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (!field.getKey().startsWith("extension_")) {
        builtIn.put(
            field.getKey(), value.isNull() ? null : value.isTextual() ? value.asText() : value);
        continue;
      }
      String type = declared.get(field.getKey());
      boolean fits =
          type != null
              && (value.isNull()
                  || ("String".equals(type) && value.isTextual() && value.asText().length() <= 256)
                  || ("Boolean".equals(type) && value.isBoolean())
                  || ("Integer".equals(type) && value.isIntegralNumber()));
      if (!fits) {
        sendPatchError(
            ex,
            new Directory.GraphError(
                "Request_BadRequest",
                type == null
                    ? "Property '"
                        + field.getKey()
                        + "' does not exist on type 'microsoft.graph.user'."
                    : "Invalid value specified for property '" + field.getKey() + "'.",
                field.getKey()));
        return;
      }
      extensions.put(
          field.getKey(),
          value.isNull()
              ? null
              : value.isBoolean()
                  ? value.asBoolean()
                  : value.isTextual() ? value.asText() : value.asLong());
    }
    Optional<Directory.GraphError> problem = tenant.directory().patch(user, builtIn);
    if (problem.isPresent()) {
      sendPatchError(ex, problem.get());
      return;
    }
    extensions.forEach(user::setExtension);
    ex.empty(204);
  }

  /**
   * The planted fault answered, or the bearer token's claims when it is a valid Graph token (a 401
   * is sent otherwise); empty when the answer was sent.
   */
  private Optional<JWTClaimsSet> faultOrBearer(Exchange ex, Optional<Faults.Fault> fault)
      throws IOException {
    if (fault.isPresent() && fault.get() instanceof Faults.Unavailable) {
      fault = Optional.of(Faults.graph(Faults.GraphFailure.UNAVAILABLE));
    }
    if (fault.isPresent() && fault.get() instanceof Faults.Graph failure) {
      fail(ex, failure);
      return Optional.empty();
    }
    String auth = ex.header("Authorization");
    Optional<JWTClaimsSet> claims =
        auth != null && auth.startsWith("Bearer ")
            ? tenant.tokens().verify(auth.substring(7), Set.of(Scopes.Resource.GRAPH_APP_ID))
            : Optional.empty();
    if (claims.isEmpty()) {
      error(
          ex,
          401,
          "InvalidAuthenticationToken",
          "Access token validation failure. Invalid audience or signature.");
    }
    return claims;
  }

  private static List<String> roles(JWTClaimsSet claims) {
    try {
      List<String> roles = claims.getStringListClaim("roles");
      return roles == null ? List.of() : roles;
    } catch (java.text.ParseException e) {
      return List.of();
    }
  }

  /** One of Graph's {@code objectIdentity} values. */
  private static Map<String, String> identity(String signInType, String issuer, String id) {
    Map<String, String> identity = new LinkedHashMap<>();
    identity.put("signInType", signInType);
    identity.put("issuer", issuer);
    identity.put("issuerAssignedId", id);
    return identity;
  }

  private void fail(Exchange ex, Faults.Graph fault) throws IOException {
    switch (fault.failure()) {
      case THROTTLE -> {
        ex.setHeader("Retry-After", Long.toString(fault.retryAfter().toSeconds()));
        error(ex, 429, "TooManyRequests", "Too many requests.");
      }
      case UNAVAILABLE ->
          error(ex, 503, "serviceNotAvailable", "The service is temporarily unavailable.");
      case FORBIDDEN ->
          error(
              ex,
              403,
              "Authorization_RequestDenied",
              "Insufficient privileges to complete the operation.");
      case CLAIMS_CHALLENGE -> {
        String claims =
            "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\""
                + (System.currentTimeMillis() / 1000)
                + "\"}}}";
        ex.setHeader(
            "WWW-Authenticate",
            "Bearer realm=\"\", authorization_uri=\""
                + tenant.layout().pageUrl("/oauth2/v2.0/authorize")
                + "\", error=\"insufficient_claims\", claims=\""
                + Base64.getEncoder().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "\"");
        error(
            ex,
            401,
            "InvalidAuthenticationToken",
            "Continuous access evaluation resulted in challenge.");
      }
    }
  }

  private void patch(Exchange ex, Directory.User user, List<String> scp) throws IOException {
    Optional<JsonNode> read = permittedJson(ex, scp, "User.ReadWrite");
    if (read.isEmpty()) {
      return;
    }
    JsonNode body = read.get();
    Map<String, Object> changes = new LinkedHashMap<>();
    body.fields()
        .forEachRemaining(
            e ->
                changes.put(
                    e.getKey(),
                    e.getValue().isNull()
                        ? null
                        : e.getValue().isTextual() ? e.getValue().asText() : e.getValue()));
    Optional<Directory.GraphError> problem = tenant.directory().patch(user, changes);
    if (problem.isPresent()) {
      sendPatchError(ex, problem.get());
      return;
    }
    ex.empty(204);
  }

  /** Graph's 400 for a refused property, with the property as the detail's target. */
  private static void sendPatchError(Exchange ex, Directory.GraphError problem) throws IOException {
    Map<String, Object> detail = Map.of("code", "InvalidValue", "target", problem.target());
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", problem.code());
    error.put("message", problem.message());
    error.put("details", List.of(detail));
    error.put("innerError", Map.of("request-id", UUID.randomUUID().toString()));
    ex.json(400, Map.of("error", error));
  }

  /**
   * {@code POST /me/changePassword} (Graph's "user: changePassword"): delegated {@code
   * Directory.AccessAsUser.All}, 204 on success. Graph does not document its refusals; the dev
   * tenant answers a wrong current password and a password outside the policy each with a 400 in
   * Graph's error shape, the second with the words Entra uses for policy refusals.
   */
  private void changePassword(Exchange ex, Directory.User user, List<String> scp)
      throws IOException {
    if (!"POST".equals(ex.method())) {
      error(ex, 405, "Request_BadRequest", "Method not allowed.");
      return;
    }
    Optional<JsonNode> body = permittedJson(ex, scp, "Directory.AccessAsUser.All");
    if (body.isEmpty()) {
      return;
    }
    String current = body.get().path("currentPassword").asText(null);
    String proposed = body.get().path("newPassword").asText(null);
    if (current == null || proposed == null) {
      error(ex, 400, "Request_BadRequest", "currentPassword and newPassword are required.");
      return;
    }
    Optional<Directory.GraphError> refused =
        tenant.directory().changePassword(user, current, proposed);
    if (refused.isPresent()) {
      error(ex, 400, refused.get().code(), refused.get().message());
      return;
    }
    ex.empty(204);
  }

  /**
   * The request's JSON object when the token carries the permission; otherwise Graph's 403 or 400
   * is sent and the result is empty.
   */
  private static Optional<JsonNode> permittedJson(Exchange ex, List<String> scp, String permission)
      throws IOException {
    if (!scp.contains(permission)) {
      error(
          ex,
          403,
          "Authorization_RequestDenied",
          "Insufficient privileges to complete the operation.");
      return Optional.empty();
    }
    JsonNode body;
    try {
      body = Exchange.JSON.readTree(ex.body());
    } catch (IOException e) {
      error(ex, 400, "BadRequest", "Unable to read JSON request payload.");
      return Optional.empty();
    }
    if (body == null || !body.isObject()) {
      error(ex, 400, "BadRequest", "Empty Payload. JSON content expected.");
      return Optional.empty();
    }
    return Optional.of(body);
  }

  private static List<String> scopes(JWTClaimsSet claims) {
    Object scp = claims.getClaim("scp");
    return scp == null ? List.of() : Arrays.asList(scp.toString().split(" "));
  }

  static void error(Exchange ex, int status, String code, String message) throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put(
        "innerError",
        Map.of(
            "request-id",
            UUID.randomUUID().toString(),
            "date",
            java.time.Instant.now().toString()));
    ex.json(status, Map.of("error", error));
  }
}
