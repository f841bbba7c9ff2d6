package org.editprofile.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.editprofile.http.ApiHttp;
import org.editprofile.http.RemoteServiceException.Reason;
import org.editprofile.metrics.AppMetrics;
import org.editprofile.profile.ProfileChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Graph's writes over real HTTP: what is sent, and the one retry after a short Retry-After. */
class GraphClientTest {

  private HttpServer server;
  private ApiHttp http;
  private GraphClient graph;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger throttleNext = new AtomicInteger();

  /** When set, every request is answered 400 with this OData error message. */
  private volatile String refuseWith;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    http = ApiHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(5));
    graph = new GraphClient(http, address("/v1.0/me"), AppMetrics.unscraped());
  }

  @AfterEach
  void stop() throws IOException {
    http.close();
    server.stop(0);
  }

  private URI address(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Records "METHOD path body", then answers 429 (Retry-After: 1) or 204. */
  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(
        exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body);
    if (refuseWith != null) {
      byte[] error =
          ("{\"error\":{\"code\":\"Request_BadRequest\",\"message\":\"" + refuseWith + "\"}}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(400, error.length);
      exchange.getResponseBody().write(error);
    } else if (throttleNext.getAndDecrement() > 0) {
      exchange.getResponseHeaders().add("Retry-After", "1");
      exchange.sendResponseHeaders(429, -1);
    } else {
      exchange.sendResponseHeaders(204, -1);
    }
    exchange.close();
  }

  private static ProfileChanges city(String value) {
    return ProfileChanges.validate(Map.of("city", value), Map.of()).changes().orElseThrow();
  }

  @Test
  void updateMeWhenGraphThrottlesBrieflyThenThePatchIsSentAgainWithItsBody() {
    throttleNext.set(1);
    graph.updateMe("token", city("Oslo"));
    assertEquals(
        List.of("PATCH /v1.0/me {\"city\":\"Oslo\"}", "PATCH /v1.0/me {\"city\":\"Oslo\"}"),
        received);
  }

  @Test
  void updateThroughServiceWhenTheServiceThrottlesBrieflyThenThePostIsSentAgainWithItsBody() {
    throttleNext.set(1);
    graph.updateThroughService(address("/api/updateUserInfo"), "token", city("Oslo"));
    assertEquals(
        List.of(
            "POST /api/updateUserInfo {\"city\":\"Oslo\"}",
            "POST /api/updateUserInfo {\"city\":\"Oslo\"}"),
        received);
  }

  @Test
  void updateMeWhenGraphThrottlesTwiceThenThrottledAfterOneRetry() {
    throttleNext.set(2);
    GraphException e =
        assertThrows(GraphException.class, () -> graph.updateMe("token", city("Oslo")));
    assertEquals(Reason.THROTTLED, e.reason());
    assertEquals(2, received.size());
  }

  @Test
  void changePasswordSendsBothPasswordsToMeChangePassword() {
    assertEquals(
        GraphClient.PasswordChange.CHANGED, graph.changePassword("token", "Old-Pw-1", "New-Pw-2"));
    assertEquals(1, received.size());
    String sent = received.get(0);
    assertEquals(true, sent.startsWith("POST /v1.0/me/changePassword {"), sent);
    assertEquals(true, sent.contains("\"currentPassword\":\"Old-Pw-1\""), sent);
    assertEquals(true, sent.contains("\"newPassword\":\"New-Pw-2\""), sent);
  }

  @Test
  void changePasswordTellsAPolicyRefusalFromAWrongCurrentPassword() {
    refuseWith =
        "The specified password does not comply with password complexity requirements. Please"
            + " provide a different password.";
    assertEquals(
        GraphClient.PasswordChange.TOO_WEAK, graph.changePassword("token", "Old-Pw-1", "weakling"));
    refuseWith = "Invalid currentPassword.";
    assertEquals(
        GraphClient.PasswordChange.WRONG_CURRENT,
        graph.changePassword("token", "not-it", "New-Pw-2"));
  }

  @Test
  void changePasswordWhenThrottledTwiceThenThrottled() {
    throttleNext.set(2);
    assertEquals(
        Reason.THROTTLED,
        assertThrows(
                GraphException.class, () -> graph.changePassword("token", "Old-Pw-1", "New-Pw-2"))
            .reason());
  }
}
