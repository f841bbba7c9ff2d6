package org.editprofile.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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

  /** The longest Retry-After we wait for inside a page request. */
  public static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(3);

  private static final ObjectMapper JSON = new ObjectMapper();
  // The meters' target tag.
  private static final String GRAPH = "graph";
  private static final String SERVICE = "service";
  private static final String SELECT =
      "id,mail,"
          + ProfileField.all().stream()
              .map(ProfileField::graphName)
              .collect(Collectors.joining(","));

  private final ApiHttp http;
  private final AppMetrics metrics;
  private final URI meUrl;
  // Parsed once: every profile page reads the same URL.
  private final URI meSelectUrl;

  public GraphClient(ApiHttp http, URI meUrl, AppMetrics metrics) {
    this.http = http;
    this.metrics = metrics;
    this.meUrl = meUrl;
    this.meSelectUrl = profileUrl(meUrl);
  }

  /** The profile read: {@code /me} with exactly the properties the app shows. */
  public static URI profileUrl(URI meUrl) {
    return URI.create(meUrl + "?$select=" + SELECT);
  }

  public UserProfile me(String accessToken) {
    return profile(send(() -> new HttpGet(meSelectUrl), accessToken, GRAPH).body());
  }

  /**
   * Reads one made-up profile, so the JSON classes load at start-up rather than in the first
   * customer's profile page, and opens the connection to Graph that page will use.
   */
  public void warmUp() {
    http.connectAhead(meUrl);
    Map<String, String> sample = new LinkedHashMap<>();
    sample.put("id", "start-up");
    sample.put("mail", "start-up@example.invalid");
    for (ProfileField field : ProfileField.values()) {
      sample.put(field.graphName(), "start-up");
    }
    try {
      profile(JSON.writeValueAsBytes(sample));
    } catch (IOException e) {
      // Only a head start: the first profile page does the same work if this could not.
    }
  }

  private static UserProfile profile(byte[] body) {
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
      return new UserProfile(id, mail == null || mail.isNull() ? null : mail.asText(), values);
    } catch (IOException e) {
      throw new GraphException(Reason.UNAVAILABLE, "unreadable profile", Map.of(), null, null, e);
    }
  }

  /** PATCH /me with exactly the changed, allow-listed fields. */
  public void updateMe(String accessToken, ProfileChanges changes) {
    sendChanges(() -> new HttpPatch(meUrl), accessToken, changes, GRAPH);
  }

  /** POST the changes to the edit profile service, which PATCHes Graph on the user's behalf. */
  public void updateThroughService(URI serviceUrl, String accessToken, ProfileChanges changes) {
    sendChanges(() -> new HttpPost(serviceUrl), accessToken, changes, SERVICE);
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
          JSON.writeValueAsString(changes.values()), ContentType.APPLICATION_JSON);
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
