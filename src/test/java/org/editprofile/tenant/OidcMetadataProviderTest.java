package org.editprofile.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.editprofile.MutableClock;
import org.editprofile.http.OutboundHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The discovery cache against a real HTTP endpoint that can be made to hang or fail: while the
 * tenant is slow, requests must not queue behind one another for it.
 */
class OidcMetadataProviderTest {

  private static final String ISSUER = "https://issuer.example/v2.0";

  private enum Mode {
    SERVE,
    HANG,
    FAIL
  }

  private HttpServer server;
  private CloseableHttpClient http;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile Mode mode = Mode.SERVE;
  private volatile CountDownLatch release = new CountDownLatch(1);
  private volatile String jwks = "https://keys.example/one";
  private volatile String issuer = ISSUER;
  private OidcMetadataProvider provider;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/.well-known/openid-configuration", this::answer);
    server.start();
    // A read timeout far longer than the test waits: only the code under test can make it quick.
    http = OutboundHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(60));
    provider =
        new OidcMetadataProvider(
            URI.create(
                "http://127.0.0.1:"
                    + server.getAddress().getPort()
                    + "/.well-known/openid-configuration"),
            ExpectedIssuer.forAuthority(ISSUER),
            http,
            clock);
  }

  private void answer(HttpExchange exchange) throws IOException {
    fetches.incrementAndGet();
    try {
      if (mode == Mode.HANG) {
        release.await(60, TimeUnit.SECONDS);
      }
      byte[] body =
          ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwks + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(mode == Mode.SERVE ? 200 : 503, body.length);
      exchange.getResponseBody().write(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  @AfterEach
  void stop() throws IOException {
    release.countDown();
    server.stop(0);
    http.close();
  }

  @Test
  void getWhenTheRefreshHangsThenEveryOtherRequestGetsTheStaleCopyAtOnce() throws Exception {
    provider.get();
    clock.advance(Duration.ofHours(25));
    mode = Mode.HANG;
    ExecutorService callers = Executors.newFixedThreadPool(20);
    try {
      List<Future<OidcMetadata>> answers = askAtOnce(callers, 20);
      // While the one refresh hangs, the other 19 have their answer: nobody waits in a queue.
      int answered = awaitAnswered(answers, 19);
      assertEquals(19, answered, "requests answered while the tenant hangs");
      assertEquals(2, fetches.get(), "one start-up fetch and one refresh, not one per request");
      release.countDown();
      for (Future<OidcMetadata> answer : answers) {
        assertEquals(URI.create(jwks), answer.get(60, TimeUnit.SECONDS).jwksUri());
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void getWhenARefreshFailedThenItBacksOffBeforeTryingAgain() {
    provider.get();
    clock.advance(Duration.ofHours(25));
    mode = Mode.FAIL;
    for (int i = 0; i < 50; i++) {
      assertEquals(URI.create(jwks), provider.get().jwksUri(), "the stale copy");
    }
    assertEquals(2, fetches.get(), "50 requests, one failed refresh");
    clock.advance(Duration.ofSeconds(11));
    provider.get();
    assertEquals(3, fetches.get(), "retried after the first back-off");
    clock.advance(Duration.ofSeconds(11));
    provider.get();
    assertEquals(3, fetches.get(), "the back-off doubled");
    mode = Mode.SERVE;
    jwks = "https://keys.example/two";
    clock.advance(Duration.ofSeconds(10));
    assertEquals(
        URI.create(jwks), provider.get().jwksUri(), "the fresh copy once the tenant is back");
    assertEquals(4, fetches.get());
    provider.get();
    assertEquals(4, fetches.get(), "fresh again for a day");
  }

  @Test
  void getWhenThereIsNoCopyYetThenFailuresAreNotRetriedByEveryRequest() {
    mode = Mode.FAIL;
    for (int i = 0; i < 10; i++) {
      assertThrows(TenantException.class, provider::get);
    }
    assertEquals(1, fetches.get(), "the failure is remembered for the back-off");
    mode = Mode.SERVE;
    clock.advance(Duration.ofSeconds(11));
    assertEquals(URI.create(jwks), provider.get().jwksUri());
    assertEquals(2, fetches.get());
  }

  @Test
  void getWhenThereIsNoCopyAndTheTenantHangsThenWaitersShareOneFetch() throws Exception {
    mode = Mode.HANG;
    ExecutorService callers = Executors.newFixedThreadPool(20);
    try {
      List<Future<OidcMetadata>> answers = askAtOnce(callers, 20);
      awaitFetches(1);
      mode = Mode.SERVE;
      release.countDown();
      for (Future<OidcMetadata> answer : answers) {
        assertEquals(URI.create(jwks), answer.get(60, TimeUnit.SECONDS).jwksUri());
      }
      assertEquals(1, fetches.get(), "20 first requests, one fetch");
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void getWhenTheDocumentNamesAnotherIssuerThenItIsNeverUsed() {
    issuer = "https://impostor.example/v2.0";
    TenantException refused = assertThrows(TenantException.class, provider::get);
    assertTrue(
        refused.getMessage().contains("https://impostor.example/v2.0"), refused.getMessage());
    assertEquals(
        Optional.of(refused.getMessage()),
        provider.checkAtStartUp().map(p -> p),
        "start-up names the problem (after the back-off, the same answer)");
  }

  @Test
  void getWhenARefreshNamesAnotherIssuerThenTheKnownCopyStays() {
    provider.get();
    clock.advance(Duration.ofHours(25));
    issuer = "https://impostor.example/v2.0";
    jwks = "https://keys.example/impostor";
    assertEquals(URI.create("https://keys.example/one"), provider.get().jwksUri());
    assertEquals(ISSUER, provider.get().issuer());
  }

  private List<Future<OidcMetadata>> askAtOnce(ExecutorService callers, int requests) {
    List<Future<OidcMetadata>> answers = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      answers.add(callers.submit(provider::get));
    }
    return answers;
  }

  private static int awaitAnswered(List<Future<OidcMetadata>> answers, int expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    int done = 0;
    while (System.nanoTime() < deadline) {
      done = (int) answers.stream().filter(Future::isDone).count();
      if (done >= expected) {
        return done;
      }
      Thread.sleep(20);
    }
    return done;
  }

  private void awaitFetches(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (fetches.get() < expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(fetches.get() >= expected, "the fetch started");
  }
}
