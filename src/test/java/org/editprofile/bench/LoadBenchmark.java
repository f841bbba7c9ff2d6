package org.editprofile.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.editprofile.bench.BenchRoutes.Route;
import org.editprofile.bench.BenchRoutes.Session;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.ServerDistribution;

/**
 * Measures what a signed-in request costs: the WAR on a real Tomcat 11 with the dev tenant on
 * loopback. Part 1: a cold start ({@link ColdStart}), then N users signed in (MFA step-up included)
 * and a closed-loop load at 1, 16 and 64 connections on each route ({@link SteadyState}), with the
 * calls to the tenant, the heap per signed-in user and the sessions' size. Part 3: sessions in
 * memory against sessions in Redis ({@link StoreComparison}). Or, with COMPARE_WAR, this build and
 * another side by side ({@link SideBySide}) instead.
 *
 * <p>Figures depend on the machine; ratios are what to compare. Run it with bench/run.sh; its knobs
 * are {@link BenchOptions}.
 */
public final class LoadBenchmark {

  /** Sign-ins at the tenant alone before the cold start (the tenant's JIT compiles meanwhile). */
  private static final int TENANT_WARM_UP_SIGN_INS = 40;

  /** Graph /me calls at the tenant alone before the cold start, for the same reason. */
  private static final int TENANT_WARM_UP_GRAPH_CALLS = 2_000;

  private static final int SIGNED_IN_USERS = 64;

  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.fromSystemProperties();
    Path out = options.out();
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    Files.createDirectories(out.getParent());

    try (DevTenant tenant = DevTenant.start(0, 0)) {
      Path trust = tenant.trustInThisJvm(Path.of("target", "dev-tenant", "bench-truststore.p12"));
      int port = EmbeddedTomcat.freePort();
      String base = "http://127.0.0.1:" + port;
      tenant.registerWebApp(base + "/auth/redirect", base + "/");
      Map<String, String> settings = EmbeddedTomcat.settingsFor(tenant, base);
      if (options.compareWar().isPresent()) {
        String report =
            new SideBySide(tenant, trust, options)
                    .run(options.compareWar().get(), port, settings, base)
                + "\n"
                + AppServers.machine();
        Files.writeString(out, report);
        System.out.println(report);
        return;
      }
      if (options.steadyState()) {
        // A flight recording from the JVM's start: the phases are cut out of it afterwards.
        try (ServerDistribution server =
            AppServers.tomcat(EmbeddedTomcat.builtWar(), port, settings, trust, options)) {
          String report = partOne(new LoadClient(tenant, base, options.phase()), server, options);
          Files.writeString(out, report);
          System.out.println(report);
        }
      } else {
        Files.writeString(out, "# Load benchmark\n\n" + AppServers.machine() + "\n");
      }
      if (options.storeComparison()) {
        String stores = StoreComparison.run(tenant, trust, options.phase(), options.storeUsers());
        Files.writeString(out, stores, StandardOpenOption.APPEND);
        System.out.println(stores);
      }
    }
  }

  /** The cold start, then (unless COLD_ONLY) the steady state and the memory; the report. */
  private static String partOne(LoadClient client, ServerDistribution server, BenchOptions options)
      throws Exception {
    StringBuilder report =
        new StringBuilder("# Load benchmark\n\n").append(AppServers.machine()).append('\n');
    // The yardstick's sign-ins go to the tenant alone. Done first, and a few dozen times, they
    // warm the tenant and the load generator, so the cold start below times the freshly deployed
    // app as a customer of a real (always warm) tenant would see it; they are also out of the
    // steady-state call count.
    Route direct = client.graphDirect();
    for (int i = 0; i < TENANT_WARM_UP_SIGN_INS; i++) {
      client.graphDirect();
    }
    // And its Graph /me, which the sign-ins never reach: a real Graph is never cold either.
    for (int i = 0; i < TENANT_WARM_UP_GRAPH_CALLS; i++) {
      client.sendOnce(direct, i);
    }
    // Their compilations finish in the background: the cold start waits for the cores to be free,
    // so it times the app's first requests, not the tenant's compiler.
    ColdStart.awaitQuietMachine();
    Map<String, Instant[]> windows = new LinkedHashMap<>();
    AppJvm app = new AppJvm(server.pid());
    report.append(new ColdStart(client, app, options.thinkMillis()).run(windows));
    if (options.coldOnly()) {
      return report.toString();
    }

    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < SIGNED_IN_USERS; i++) {
      sessions.add(client.signIn("Bench User " + i, true));
    }
    Map<String, Route> routes = BenchRoutes.app();
    routes.put(BenchRoutes.GRAPH_DIRECT, direct);
    SteadyState steady = new SteadyState(client, server);
    Map<String, Long> before = client.tenant().requestCounts();
    List<PhaseResult> results = steady.measure(routes, sessions, windows);
    Map<String, Long> after = client.tenant().requestCounts();
    long measured = results.stream().mapToLong(PhaseResult::requests).sum();
    report.append(
        SteadyStateReport.of(
            results,
            new SteadyState.TenantCalls(before, after, measured),
            app,
            server.base(),
            windows,
            options.profile()));
    report.append(steady.memory(options.heapUsers(), sessions.size()));
    return report.toString();
  }
}
