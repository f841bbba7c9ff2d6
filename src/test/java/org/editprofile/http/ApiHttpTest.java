package org.editprofile.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Graph's and the service's client: direct hosts over pooled keep-alive connections with bounded
 * waits, proxied hosts through the proxy.
 */
class ApiHttpTest {

  private static final Duration GENEROUS = Duration.ofSeconds(60);

  private final List<String> requestLines = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private ServerSocket server;

  @AfterEach
  void stop() throws IOException {
    System.clearProperty("http.proxyHost");
    System.clearProperty("http.proxyPort");
    if (server != null) {
      server.close();
    }
  }

  @Test
  void executeWhenTheHostGoesDirectThenRequestsShareOneKeptAliveConnection() throws IOException {
    int port = serve(true);
    try (ApiHttp http = ApiHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30))) {
      for (int i = 0; i < 3; i++) {
        String body =
            http.execute(
                new HttpGet("http://127.0.0.1:" + port + "/v1.0/me?$select=id"),
                response -> response.getCode() + " " + EntityUtils.toString(response.getEntity()));
        assertEquals("200 {\"id\":\"1\"}", body);
      }
    }
    assertEquals(1, connections.get(), "one connection, reused");
    assertEquals(
        Collections.nCopies(3, "GET /v1.0/me?$select=id HTTP/1.1"),
        requestLines,
        "origin-form request lines: sent to the host itself");
  }

  @Test
  void connectAheadWhenTheHostGoesDirectThenTheFirstRequestFindsItsConnectionOpen()
      throws IOException {
    int port = serve(true);
    try (ApiHttp http = ApiHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30))) {
      http.connectAhead(URI.create("http://127.0.0.1:" + port + "/v1.0/me"));
      waitFor(() -> connections.get() == 1);
      assertTrue(requestLines.isEmpty(), "connected, nothing sent: " + requestLines);
      int status =
          http.execute(new HttpGet("http://127.0.0.1:" + port + "/v1.0/me"), r -> r.getCode());
      assertEquals(200, status);
    }
    assertEquals(1, connections.get(), "the request used the connection opened ahead");
    assertEquals(List.of("GET /v1.0/me HTTP/1.1"), requestLines);
  }

  @Test
  void connectAheadWhenTheHostIsDownThenItsConnectionIsNotKeptFromTheFirstRequest()
      throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = closed.getLocalPort();
    }
    // One connection per host: a lease the failed connect kept would make the request wait.
    try (ApiHttp http = new ApiHttp(Duration.ofSeconds(2), Duration.ofSeconds(30), 1)) {
      assertTimeoutPreemptively(
          GENEROUS, () -> http.connectAhead(URI.create("http://127.0.0.1:" + port + "/")));
      serve(true, port);
      int status =
          http.execute(new HttpGet("http://127.0.0.1:" + port + "/v1.0/me"), r -> r.getCode());
      assertEquals(200, status);
    }
  }

  @Test
  void executeWhenThePoolIsExhaustedThenTheWaitIsTheConnectTimeout() throws Exception {
    int port = serve(false);
    // The read timeout well above the lease timeout: the first request must still hold the pool's
    // only connection while the second waits, even on a slow machine.
    try (ApiHttp http = new ApiHttp(Duration.ofSeconds(1), Duration.ofSeconds(8), 1)) {
      CompletableFuture<Integer> first =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return http.execute(
                      new HttpGet("http://127.0.0.1:" + port + "/slow"), r -> r.getCode());
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      waitFor(() -> connections.get() == 1);
      // The pool's only connection is taken: the second request must give up, not queue for
      // the minimal client's three-minute default.
      IOException waited =
          assertTimeoutPreemptively(
              GENEROUS,
              () ->
                  assertThrows(
                      IOException.class,
                      () ->
                          http.execute(
                              new HttpGet("http://127.0.0.1:" + port + "/second"),
                              r -> r.getCode())));
      assertTrue(waited instanceof ConnectionRequestTimeoutException, "a lease timeout: " + waited);
      // And the silent server is given up on after the read timeout.
      ExecutionException silent =
          assertTimeoutPreemptively(
              GENEROUS, () -> assertThrows(ExecutionException.class, first::get));
      assertTrue(
          silent.getCause().getCause() instanceof SocketTimeoutException,
          "a read timeout: " + silent.getCause());
    }
  }

  @Test
  void executeWhenTheHostIsBehindAProxyThenTheProxyCarriesIt() throws IOException {
    int port = serve(true);
    System.setProperty("http.proxyHost", "127.0.0.1");
    System.setProperty("http.proxyPort", Integer.toString(port));
    try (ApiHttp http = ApiHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(30))) {
      int status =
          http.execute(new HttpGet("http://graph.example.invalid/v1.0/me"), r -> r.getCode());
      assertEquals(200, status);
    }
    assertEquals(List.of("GET http://graph.example.invalid/v1.0/me HTTP/1.1"), requestLines);
  }

  /**
   * A loopback HTTP/1.1 server: answers every request on a kept-alive connection with a small JSON
   * body, or (answering false) reads the request and never answers.
   */
  private int serve(boolean answering) throws IOException {
    return serve(answering, 0);
  }

  private int serve(boolean answering, int port) throws IOException {
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10);
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket client = server.accept();
                  connections.incrementAndGet();
                  Thread connection = new Thread(() -> converse(client, answering));
                  connection.setDaemon(true);
                  connection.start();
                } catch (IOException e) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    return server.getLocalPort();
  }

  private void converse(Socket client, boolean answering) {
    try (client) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = client.getOutputStream();
      String line;
      while ((line = in.readLine()) != null) {
        requestLines.add(line);
        while (!(line = in.readLine()).isEmpty()) {
          // headers: a GET has no body to read
        }
        if (!answering) {
          in.readLine(); // blocks until the client gives up and closes
          return;
        }
        out.write(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"id\":\"1\"}"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException | NullPointerException e) {
      // the client closed the connection
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    assertTimeoutPreemptively(
        GENEROUS,
        () -> {
          while (!condition.getAsBoolean()) {
            Thread.sleep(10);
          }
        });
  }
}
