package org.editprofile.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPatch;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.editprofile.http.ApiHttp;
import org.editprofile.http.CorrelationId;
import org.editprofile.http.OutboundHttp;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.metrics.AppMetrics;
import org.editprofile.profile.AccountFacts;
import org.editprofile.profile.CustomAttributes;
import org.editprofile.profile.ProfileChanges;
import org.editprofile.profile.ProfileField;
import org.editprofile.profile.UserProfile;

/**
 * Microsoft Graph {@code /v1.0/me}: read the profile, PATCH allow-listed changes. Also sends those
 * changes to the edit profile service, which answers in the same terms. A 429 is retried once when
 * Graph asks for a short wait; longer waits are reported, never spun on. Every failure is a {@link
 * GraphException}.
 */
public final class GraphClient {

  /** The web app's delegated scopes for reading and for writing the user's own profile. */
  public static final List<String> USER_READ = List.of("User.Read");

  public static final List<String> USER_READ_WRITE = List.of("User.ReadWrite");

  /**
   * The delegated permission Graph's {@code changePassword} needs (admin consent): Graph's "user:
   * changePassword" lists {@code Directory.AccessAsUser.All} as its least privileged one.
   */
  public static final List<String> DIRECTORY_ACCESS = List.of("Directory.AccessAsUser.All");

  /** What Graph said to a password change. */
  public enum PasswordChange {
    CHANGED,
    /** The current password was not the account's. */
    WRONG_CURRENT,
    /** The new password does not meet the tenant's password policy. */
    TOO_WEAK
  }

  /** The longest Retry-After we wait for inside a page request. */
  public static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(3);

  private static final ObjectMapper JSON = new ObjectMapper();
  // The meters' target tag.
  private static final String GRAPH = "graph";
  private static final String SERVICE = "service";
  private static final String SELECT =
      "id,mail,createdDateTime,lastPasswordChangeDateTime,identities,"
          + ProfileField.all().stream()
              .map(ProfileField::graphName)
              .collect(Collectors.joining(","));

  private final ApiHttp http;
  private final AppMetrics metrics;
  private final URI meUrl;
  private final CustomAttributes custom;
  // Parsed once: every profile page reads the same URL.
  private final URI meSelectUrl;

  /** Graph's version root ({@code https://graph.microsoft.com/v1.0/}), from the /me URL. */
  private final String graphRoot;

  public GraphClient(ApiHttp http, URI meUrl, AppMetrics metrics) {
    this(http, meUrl, metrics, CustomAttributes.NONE);
  }

  /**
   * @param custom the tenant's custom attributes the profile read selects too
   */
  public GraphClient(ApiHttp http, URI meUrl, AppMetrics metrics, CustomAttributes custom) {
    this.http = http;
    this.metrics = metrics;
    this.meUrl = meUrl;
    this.custom = custom;
    StringBuilder select = new StringBuilder(profileUrl(meUrl).toString());
    for (CustomAttributes.Attribute attribute : custom.attributes()) {
      select.append(',').append(custom.graphName(attribute));
    }
    this.meSelectUrl = URI.create(select.toString());
    String me = meUrl.toString();
    this.graphRoot = me.substring(0, me.length() - "me".length());
  }

  /** The profile read: {@code /me} with exactly the properties the app shows. */
  public static URI profileUrl(URI meUrl) {
    return URI.create(meUrl + "?$select=" + SELECT);
  }

  public UserProfile me(String accessToken) {
    try {
      return profile(send(() -> new HttpGet(meSelectUrl), accessToken, GRAPH).body(), custom);
    } catch (GraphException e) {
      if (e.reason() != Reason.INVALID_INPUT) {
        throw e;
      }
      // A read the customer cannot fix: most likely a $select name the tenant does not have.
      throw new GraphException(
          Reason.UNAVAILABLE,
          "Graph refused the profile read (is every CUSTOM_ATTRIBUTES name one of the tenant's"
              + " custom attributes?): "
              + e.getMessage(),
          Map.of(),
          null,
          null,
          e);
    }
  }

  /**
   * Reads one made-up profile, so the JSON classes load at start-up rather than in the first
   * customer's profile page, and opens the connection to Graph that page will use.
   */
  public void warmUp() {
    http.connectAhead(meUrl);
    Map<String, Object> sample = new LinkedHashMap<>();
    sample.put("id", "start-up");
    sample.put("mail", "start-up@example.invalid");
    sample.put("createdDateTime", "2026-01-01T00:00:00Z");
    sample.put("lastPasswordChangeDateTime", "2026-01-01T00:00:00Z");
    sample.put(
        "identities",
        List.of(
            Map.of(
                "signInType", "emailAddress",
                "issuer", "start-up.invalid",
                "issuerAssignedId", "start-up@example.invalid")));
    for (ProfileField field : ProfileField.values()) {
      sample.put(field.graphName(), "start-up");
    }
    try {
      profile(JSON.writeValueAsBytes(sample), custom);
    } catch (IOException e) {
      // Only a head start: the first profile page does the same work if this could not.
    }
  }

  /** The account's facts; a value Graph leaves out or sends in another shape is unknown. */
  private static AccountFacts accountFacts(JsonNode doc) {
    List<AccountFacts.SignInMethod> methods = new ArrayList<>();
    for (JsonNode identity : doc.path("identities")) {
      AccountFacts.SignInMethod.of(
              text(identity, "signInType"),
              text(identity, "issuer"),
              text(identity, "issuerAssignedId"))
          .ifPresent(methods::add);
    }
    return new AccountFacts(
        instant(doc, "createdDateTime"), instant(doc, "lastPasswordChangeDateTime"), methods);
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || !value.isTextual() ? null : value.asText();
  }

  private static Optional<Instant> instant(JsonNode doc, String name) {
    String value = text(doc, name);
    try {
      return value == null
          ? Optional.empty()
          : Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The custom attributes' values as text ({@code true}/{@code false} for a boolean); one Graph
   * leaves out (never set) is null.
   */
  private static List<CustomAttributes.Value> customValues(JsonNode doc, CustomAttributes custom) {
    List<CustomAttributes.Value> values = new ArrayList<>(custom.attributes().size());
    for (CustomAttributes.Attribute attribute : custom.attributes()) {
      JsonNode value = doc.get(custom.graphName(attribute));
      values.add(
          new CustomAttributes.Value(
              attribute,
              value != null && !value.isNull() && value.isValueNode() ? value.asText() : null));
    }
    return values;
  }

  private static UserProfile profile(byte[] body, CustomAttributes custom) {
    try {
      JsonNode doc = JSON.readTree(body);
      Map<String, String> values = new LinkedHashMap<>();
      for (ProfileField field : ProfileField.values()) {
        JsonNode node = doc.get(field.graphName());
        values.put(field.graphName(), node == null || node.isNull() ? null : node.asText());
      }
      String id = doc.path("id").asText(null);
      if (id == null) {
        throw GraphException.of(Reason.UNAVAILABLE, "profile without id");
      }
      JsonNode mail = doc.get("mail");
      return new UserProfile(
          id,
          mail == null || mail.isNull() ? null : mail.asText(),
          values,
          accountFacts(doc),
          customValues(doc, custom));
    } catch (IOException e) {
      throw new GraphException(Reason.UNAVAILABLE, "unreadable profile", Map.of(), null, null, e);
    }
  }

  /** PATCH /me with exactly the changed, allow-listed fields. */
  public void updateMe(String accessToken, ProfileChanges changes) {
    sendChanges(() -> new HttpPatch(meUrl), accessToken, changes, GRAPH);
  }

  /**
   * {@code PATCH /users/{id}} with an app-only token (application permission {@code
   * User.ReadWrite.All}): the built-in fields and custom attributes in one request, which Graph
   * applies all or nothing.
   *
   * @param userId the user's object id, from a validated token of that user: never from a request
   */
  public void updateUser(String appToken, UUID userId, ProfileChanges changes) {
    sendChanges(() -> new HttpPatch(userUrl(userId)), appToken, changes, GRAPH);
  }

  /**
   * {@code DELETE /users/{id}} with an app-only token: the user goes to the tenant's deleted items,
   * restorable for 30 days (Graph's "Delete a user").
   *
   * @return false when Graph has no such user (deleted already)
   */
  public boolean deleteUser(String appToken, UUID userId) {
    return deleteIfPresent(userUrl(userId), appToken);
  }

  /**
   * {@code DELETE /directory/deletedItems/{id}}: removes a deleted user for good.
   *
   * @return false when the deleted items hold no such user (purged already)
   */
  public boolean purgeDeletedUser(String appToken, UUID userId) {
    return deleteIfPresent(URI.create(graphRoot + "directory/deletedItems/" + userId), appToken);
  }

  private boolean deleteIfPresent(URI url, String appToken) {
    try {
      send(() -> new HttpDelete(url), appToken, GRAPH);
      return true;
    } catch (GraphException e) {
      if (e.reason() == Reason.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  private URI userUrl(UUID userId) {
    return URI.create(graphRoot + "users/" + userId);
  }

  /**
   * {@code POST /me/changePassword}. Graph answers 204, or 400 for a refused password without
   * documenting which error says what (its "user: changePassword" page shows none): a message about
   * the password policy (Entra's "does not comply with password complexity requirements") is read
   * as a weak new password, any other 400 as a wrong current one. The passwords are in the body
   * only, which nothing logs.
   *
   * @throws GraphException for every other failure (throttling, forbidden, unreachable)
   */
  public PasswordChange changePassword(String accessToken, String current, String proposed) {
    StringEntity body;
    try {
      body =
          new StringEntity(
              JSON.writeValueAsString(Map.of("currentPassword", current, "newPassword", proposed)),
              ContentType.APPLICATION_JSON);
    } catch (IOException e) {
      throw new GraphException(Reason.INVALID_INPUT, "unserializable", Map.of(), null, null, e);
    }
    URI url = URI.create(meUrl + "/changePassword");
    try {
      send(
          () -> {
            HttpPost request = new HttpPost(url);
            request.setEntity(body);
            return request;
          },
          accessToken,
          GRAPH);
      return PasswordChange.CHANGED;
    } catch (GraphException e) {
      if (e.reason() != Reason.INVALID_INPUT) {
        throw e;
      }
      return e.getMessage() != null && e.getMessage().contains(POLICY_REFUSAL)
          ? PasswordChange.TOO_WEAK
          : PasswordChange.WRONG_CURRENT;
    }
  }

  /** How Graph's 400 for a password outside the policy begins, as GraphErrors keeps it. */
  static final String POLICY_REFUSAL = "password policy";

  /** POST the changes to the edit profile service, which PATCHes Graph on the user's behalf. */
  public void updateThroughService(URI serviceUrl, String accessToken, ProfileChanges changes) {
    sendChanges(() -> new HttpPost(serviceUrl), accessToken, changes, SERVICE);
  }

  /**
   * Asks the edit profile service to delete the signed-in user's account (the request names no
   * account: the service takes it from the token).
   *
   * @return false when the account was already gone
   */
  public boolean deleteThroughService(URI deleteUrl, String accessToken) {
    try {
      send(() -> new HttpPost(deleteUrl), accessToken, SERVICE);
      return true;
    } catch (GraphException e) {
      if (e.reason() == Reason.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /** The changes as JSON, written once and sent by each attempt's new request. */
  private void sendChanges(
      Supplier<HttpUriRequestBase> method,
      String accessToken,
      ProfileChanges changes,
      String target) {
    StringEntity body = json(changes);
    send(
        () -> {
          HttpUriRequestBase request = method.get();
          request.setEntity(body);
          return request;
        },
        accessToken,
        target);
  }

  private static StringEntity json(ProfileChanges changes) {
    try {
      return new StringEntity(
          JSON.writeValueAsString(changes.body()), ContentType.APPLICATION_JSON);
    } catch (IOException e) {
      throw new GraphException(Reason.INVALID_INPUT, "unserializable", Map.of(), null, null, e);
    }
  }

  /**
   * Sends a request, and once more after a short Retry-After. Each attempt is a new request: the
   * client writes the body's Content-Length into the request it sends, and refuses a request that
   * already has one.
   */
  private HttpOutcome send(
      Supplier<HttpUriRequestBase> request, String accessToken, String target) {
    HttpOutcome outcome = execute(request.get(), accessToken, target);
    if (outcome.status() == 429) {
      Duration wait = outcome.retryAfter().orElse(Duration.ofSeconds(1));
      if (wait.compareTo(MAX_RETRY_WAIT) <= 0) {
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw GraphException.of(Reason.UNAVAILABLE, "interrupted");
        }
        outcome = execute(request.get(), accessToken, target);
      }
    }
    if (!outcome.isSuccess()) {
      throw GraphErrors.from(outcome);
    }
    return outcome;
  }

  private HttpOutcome execute(HttpUriRequestBase request, String accessToken, String target) {
    request.setHeader("Authorization", "Bearer " + accessToken);
    request.setHeader("Accept", "application/json");
    // Graph logs it and returns it in its errors; the service adopts it as its own request's id.
    CorrelationId.current()
        .ifPresent(id -> request.setHeader(CorrelationId.CLIENT_REQUEST_ID_HEADER, id));
    long start = System.nanoTime();
    try {
      HttpOutcome outcome =
          http.execute(
              request,
              response -> HttpOutcome.of(response, OutboundHttp.bytes(response.getEntity())));
      metrics.outboundCall(target, Integer.toString(outcome.status()), System.nanoTime() - start);
      return outcome;
    } catch (IOException e) {
      metrics.outboundCall(target, "unreachable", System.nanoTime() - start);
      throw new GraphException(
          Reason.UNAVAILABLE, "Graph could not be reached", Map.of(), null, null, e);
    }
  }
}
