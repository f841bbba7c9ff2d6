package org.editprofile.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.editprofile.bench.BenchRoutes.Route;
import org.editprofile.bench.BenchRoutes.Session;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.graph.GraphClient;
import org.editprofile.it.Browser;
import org.editprofile.it.Browser.Page;
import org.editprofile.it.DevTenantUser;
import org.editprofile.it.Journeys;

/**
 * The customers of one deployed app: signs them in through the dev tenant's pages and runs the
 * closed-loop load on a route.
 */
final class LoadClient {

  /**
   * A warm-up slice counts as compiled when the JIT spent less than this share of the app's CPU.
   */
  static final double JIT_QUIET = 0.05;

  static final int MAX_WARM_UP_SLICES = 12;

  private final DevTenant tenant;
  private final String app;
  private final Duration phase;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  LoadClient(DevTenant tenant, String app, Duration phase) {
    this.tenant = tenant;
    this.app = app;
    this.phase = phase;
  }

  DevTenant tenant() {
    return tenant;
  }

  String app() {
    return app;
  }

  Duration phase() {
    return phase;
  }

  /** A new customer signed in through the tenant's pages, optionally past the MFA step-up. */
  Session signIn(String name, boolean stepUp) throws IOException {
    DevTenantUser user = newUser("bench", name);
    Browser browser = new Browser();
    Page page = Journeys.signIn(browser, app, user, "/");
    if (stepUp) {
      page =
          Journeys.completeMfa(browser, browser.open(app + "/users/updateProfile"), tenant, user);
    }
    String csrf = page.doc().selectFirst("input[name=_csrf]").attr("value");
    return new Session(browser.cookie("JSESSIONID").orElseThrow(), csrf);
  }

  /** As many customers signed in at once, eight at a time. */
  List<Session> signInMany(int count, String name) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Session>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      futures.add(pool.submit(() -> signInRetrying(name + " " + n)));
    }
    List<Session> sessions = new ArrayList<>();
    for (Future<Session> future : futures) {
      sessions.add(future.get());
    }
    pool.shutdown();
    return sessions;
  }

  /** The load client reuses keep-alive connections the servers may just have closed: try again. */
  private Session signInRetrying(String name) throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return signIn(name, false);
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }

  /** A customer of the tenant's own, known to its directory. */
  DevTenantUser newUser(String prefix, String name) {
    DevTenantUser user =
        new DevTenantUser(prefix + "-" + UUID.randomUUID() + "@example.test", "Bench-Pw-1", null);
    tenant.directory().add(user.email(), user.password(), name);
    return user;
  }

  /**
   * Graph's /me on the dev tenant with a token of a customer of its own, at the same concurrency.
   */
  Route graphDirect() throws IOException {
    DevTenantUser user = newUser("direct", "Graph Direct");
    String token = GraphToken.obtain(tenant, app + "/auth/redirect", user);
    return new Route(
        "GET",
        GraphClient.profileUrl(URI.create(tenant.graphEndpoint() + "v1.0/me")).toString(),
        false,
        token);
  }

  /** Sends one request of a route and checks it was answered 200. */
  void sendOnce(Route route, int n) throws IOException, InterruptedException {
    HttpResponse<Void> response =
        http.send(request(route, null, n), HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() != 200) {
      throw new IOException(route.url() + " answered " + response.statusCode());
    }
  }

  /**
   * Runs the route at the phase's concurrency, a quarter phase at a time, until the app's JIT
   * compiler threads are (nearly) idle during a slice: on two shared cores the compiler can still
   * be busy with a route's code after the first warm-up round, and its CPU would be charged to the
   * requests of the phase. Returns the slices it took.
   */
  int warmUntilCompiled(
      Route route, List<Session> sessions, int connections, CpuMeter app, CpuMeter jit)
      throws Exception {
    int slices = 0;
    while (slices < MAX_WARM_UP_SLICES) {
      long app0 = app.nanos();
      long jit0 = jit.nanos();
      load(
          route,
          sessions,
          connections,
          phase.dividedBy(4),
          new LatencyRecorder(),
          new AtomicLong());
      slices++;
      long appNanos = app.nanos() - app0;
      if (appNanos > 0 && (jit.nanos() - jit0) < JIT_QUIET * appNanos) {
        break;
      }
    }
    return slices;
  }

  /** Loads the route for a while without measuring: the JIT compiles what it runs. */
  void warm(Route route, List<Session> sessions, int connections, Duration duration)
      throws Exception {
    load(route, sessions, connections, duration, new LatencyRecorder(), new AtomicLong());
  }

  /** Runs the closed loop for the given time; returns the elapsed nanoseconds. */
  long load(
      Route route,
      List<Session> sessions,
      int connections,
      Duration duration,
      LatencyRecorder latency,
      AtomicLong errors)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Session session = sessions.get(c % sessions.size());
      workers.add(
          pool.submit(
              () -> {
                int n = 0;
                while (System.nanoTime() < end) {
                  HttpRequest request = request(route, session, n++);
                  long t0 = System.nanoTime();
                  try {
                    int status =
                        http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    latency.record(System.nanoTime() - t0);
                    int expected = route.method().equals("POST") ? 302 : 200;
                    if (status != expected) {
                      errors.incrementAndGet();
                    }
                  } catch (IOException e) {
                    errors.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return System.nanoTime() - start;
  }

  private HttpRequest request(Route route, Session session, int n) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(route.bearer() == null ? app + route.url() : route.url()))
            .timeout(Duration.ofSeconds(30));
    if (route.bearer() != null) {
      builder.header("Authorization", "Bearer " + route.bearer());
    }
    if (route.signedIn()) {
      builder.header("Cookie", "JSESSIONID=" + session.cookie());
    }
    if (route.method().equals("POST")) {
      // Alternate the value so every POST is a real change that reaches Graph; like the edit form,
      // say what the fields showed, so that only the name is sent.
      String form =
          "_csrf="
              + session.csrf()
              + "&displayName=Bench+"
              + (n % 2)
              + "&city=Bench&shown=displayName%3DBench%2B"
              + ((n + 1) % 2)
              + "%26city%3DBench";
      return builder
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form))
          .build();
    }
    return builder.GET().build();
  }
}
