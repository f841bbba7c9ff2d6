package org.editprofile.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.graph.GraphClient;
import org.editprofile.it.Browser;
import org.editprofile.it.Browser.Page;
import org.editprofile.it.DevTenantUser;
import org.editprofile.it.Journeys;
import org.editprofile.it.RedisServer;
import org.editprofile.it.ServerDistribution;

/**
 * Measures what a signed-in request costs: the WAR on a real Tomcat 11 with the dev tenant on
 * loopback, N users signed in (MFA step-up included), then a closed-loop load at 1, 16 and 64
 * connections on each route. Also counts calls to the tenant during the load, the serialized size
 * of the sessions (Tomcat writes them on shutdown) and the heap per signed-in user (jcmd).
 *
 * <p>Figures depend on the machine; ratios are what to compare. Run it with bench/run.sh.
 */
public final class LoadBenchmark {

  private static final int[] CONCURRENCY = {1, 16, 64};

  private record Session(String cookie, String csrf) {}

  private record Result(
      String route,
      int connections,
      double rps,
      double p50,
      double p90,
      double p99,
      long errors,
      long requests,
      double appCpuMicros,
      double appKernelMicros,
      double appJitMicros,
      int warmUpSlices,
      double tenantCpuMicros,
      double benchCpuMicros,
      double machineBusy) {}

  private final DevTenant tenant;
  private final String app;
  private final Duration phase;
  private final CpuMeter tenantCpu = CpuMeter.threads(List.of("dev-tenant", "HTTP-Dispatcher"));
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LoadBenchmark(DevTenant tenant, String app, Duration phase) {
    this.tenant = tenant;
    this.app = app;
    this.phase = phase;
  }

  public static void main(String[] args) throws Exception {
    Duration phase = Duration.ofMillis(Long.getLong("bench.phaseMillis", 10_000));
    int heapUsers = Integer.getInteger("bench.heapUsers", 500);
    Path out = Path.of(System.getProperty("bench.out", "target/bench/results.md"));
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    Files.createDirectories(out.getParent());

    try (DevTenant tenant = DevTenant.start(0, 0)) {
      Path trust = tenant.trustInThisJvm(Path.of("target", "dev-tenant", "bench-truststore.p12"));
      int port = EmbeddedTomcat.freePort();
      String base = "http://127.0.0.1:" + port;
      tenant.registerWebApp(base + "/auth/redirect", base + "/");
      Map<String, String> settings = EmbeddedTomcat.settingsFor(tenant, base);
      String compareWar = System.getProperty("bench.compareWar", "").strip();
      if (!compareWar.isEmpty()) {
        String report =
            compare(tenant, trust, phase, Path.of(compareWar), port, settings, base)
                + "\n"
                + machine();
        Files.writeString(out, report);
        System.out.println(report);
        return;
      }
      // A flight recording from the JVM's start: the phases are cut out of it afterwards.
      if (Boolean.parseBoolean(System.getProperty("bench.main", "true"))) {
        try (ServerDistribution server = tomcat(EmbeddedTomcat.builtWar(), port, settings, trust)) {
          new LoadBenchmark(tenant, base, phase).run(server, heapUsers, out);
        }
      } else {
        Files.writeString(out, "# Load benchmark\n\n" + machine() + "\n");
      }
      if (Boolean.parseBoolean(System.getProperty("bench.store", "true"))) {
        String stores =
            sessionStores(tenant, trust, phase, Integer.getInteger("bench.storeUsers", 10_000));
        Files.writeString(out, stores, java.nio.file.StandardOpenOption.APPEND);
        System.out.println(stores);
      }
    }
  }

  /** A Tomcat 11 with the WAR, the flight recording when profiling and APP_JVM_OPTS. */
  private static ServerDistribution tomcat(
      Path war, int port, Map<String, String> settings, Path trust) throws Exception {
    // The app's static file again, in a web app of its own next to the app's: no filters, no
    // listeners, the container's default servlet alone. What the container costs per request.
    Path alone =
        ServerDistribution.baseFor(ServerDistribution.Kind.TOMCAT, port)
            .resolve("webapps")
            .resolve(CONTAINER_ALONE_CONTEXT);
    Files.createDirectories(alone);
    Files.copy(
        Path.of("webapp", "static", "app.css"),
        alone.resolve("app.css"),
        StandardCopyOption.REPLACE_EXISTING);
    return ServerDistribution.start(
        ServerDistribution.Kind.TOMCAT,
        war,
        port,
        settings,
        trust,
        DevTenant.trustStorePassword(),
        appJvmOptions());
  }

  /** The flight recording when profiling, and the operator's own options (APP_JVM_OPTS). */
  private static List<String> appJvmOptions() {
    List<String> options = new ArrayList<>();
    if (PROFILE) {
      options.add(
          "-XX:StartFlightRecording=name=bench,settings=profile,jdk.OldObjectSample#enabled=false");
    }
    String extra = System.getProperty("bench.appJvm", "").strip();
    if (!extra.isEmpty()) {
      options.addAll(List.of(extra.split("\\s+")));
    }
    return options;
  }

  /** Rounds of the side-by-side comparison: each gives one pair of figures per route. */
  private static final int COMPARE_ROUNDS = Integer.getInteger("bench.compareRounds", 7);

  /**
   * This build against another (COMPARE_WAR), both on a Tomcat 11 of their own at once, same dev
   * tenant: each route is loaded at 16 connections on one and then on the other, in alternating
   * order, round after round, and each round's pair of CPU figures is compared. On shared cores a
   * single run's figures drift by a third from one run to the next; the drift falls on both builds
   * of a pair alike, so their ratio holds steadier than either figure.
   */
  private static String compare(
      DevTenant tenant,
      Path trust,
      Duration phase,
      Path otherWar,
      int port,
      Map<String, String> settings,
      String url)
      throws Exception {
    int otherPort = EmbeddedTomcat.freePort();
    while (otherPort == port) {
      otherPort = EmbeddedTomcat.freePort();
    }
    String otherUrl = "http://127.0.0.1:" + otherPort;
    tenant.registerWebApp(otherUrl + "/auth/redirect", otherUrl + "/");
    try (ServerDistribution other =
            tomcat(otherWar, otherPort, EmbeddedTomcat.settingsFor(tenant, otherUrl), trust);
        ServerDistribution current = tomcat(EmbeddedTomcat.builtWar(), port, settings, trust)) {
      LoadBenchmark[] builds = {
        new LoadBenchmark(tenant, otherUrl, phase), new LoadBenchmark(tenant, url, phase)
      };
      AppCpu[] meters = {new AppCpu(other.pid()), new AppCpu(current.pid())};
      List<List<Session>> sessions = new ArrayList<>();
      for (LoadBenchmark build : builds) {
        List<Session> signedIn = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          signedIn.add(build.signIn("Bench User " + i, true));
        }
        sessions.add(signedIn);
      }
      Map<String, Route> routes = comparedRoutes();
      for (int round = 0; round < 2; round++) {
        for (Route route : routes.values()) {
          for (int b = 0; b < 2; b++) {
            builds[b].load(
                route,
                sessions.get(b),
                16,
                phase.dividedBy(2),
                new LatencyRecorder(),
                new AtomicLong());
          }
        }
      }
      StringBuilder report =
          new StringBuilder("# Load benchmark: this build against another, side by side\n\n")
              .append("This build: `")
              .append(EmbeddedTomcat.builtWar())
              .append("`; the other: `")
              .append(otherWar)
              .append("`. App CPU µs per request at 16 connections, ")
              .append(COMPARE_ROUNDS)
              .append(" rounds of ")
              .append(phase.toMillis())
              .append(" ms on each, the two builds' turns alternating in order.\n\n")
              .append(
                  "| Route | the other: median (range) | this build: median (range) | this / the"
                      + " other, median of the rounds' ratios (range) | errors |\n")
              .append("|---|---|---|---|---|\n");
      for (Map.Entry<String, Route> route : routes.entrySet()) {
        for (int b = 0; b < 2; b++) {
          builds[b].warmUntilCompiled(
              route.getValue(), sessions.get(b), 16, meters[b].all(), meters[b].jit());
        }
        List<Double> otherMicros = new ArrayList<>();
        List<Double> thisMicros = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        long errors = 0;
        for (int round = 0; round < COMPARE_ROUNDS; round++) {
          double[] micros = new double[2];
          for (int turn = 0; turn < 2; turn++) {
            int b = (round + turn) % 2;
            LatencyRecorder latency = new LatencyRecorder();
            AtomicLong failed = new AtomicLong();
            long cpu0 = meters[b].all().nanos();
            builds[b].load(route.getValue(), sessions.get(b), 16, phase, latency, failed);
            micros[b] = (meters[b].all().nanos() - cpu0) / 1e3 / Math.max(latency.total(), 1);
            errors += failed.get();
          }
          otherMicros.add(micros[0]);
          thisMicros.add(micros[1]);
          ratios.add(micros[1] / micros[0]);
        }
        String line =
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %d |%n",
                route.getKey(),
                medianAndRange(otherMicros, "%.0f"),
                medianAndRange(thisMicros, "%.0f"),
                medianAndRange(ratios, "%.2f"),
                errors);
        System.out.print(line);
        report.append(line);
      }
      return report.toString();
    }
  }

  private static String medianAndRange(List<Double> values, String format) {
    List<Double> sorted = values.stream().sorted().toList();
    double median =
        sorted.size() % 2 == 1
            ? sorted.get(sorted.size() / 2)
            : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    return String.format(
        Locale.ROOT,
        format + " (" + format + "–" + format + ")",
        median,
        sorted.get(0),
        sorted.get(sorted.size() - 1));
  }

  private static final String SESSION_KEYS = "edit-profile:session:sessions:";

  /**
   * The signed-in routes with sessions in the container's memory and in Redis, same run, same
   * Tomcat: throughput and latency side by side, Redis commands and bytes per request, bytes per
   * session in Redis, and the app's heap with many signed-in users in Redis mode.
   */
  private static String sessionStores(DevTenant tenant, Path trust, Duration phase, int storeUsers)
      throws Exception {
    Map<String, Route> routes = new LinkedHashMap<>();
    routes.put("GET /users/id", Route.app("GET", "/users/id", true));
    routes.put(
        "GET /users/gatedUpdateProfile", Route.app("GET", "/users/gatedUpdateProfile", true));
    routes.put("POST /users/update", Route.app("POST", "/users/update", true));
    Map<String, Result> memory = new LinkedHashMap<>();
    Map<String, Result> shared = new LinkedHashMap<>();
    Map<String, double[]> traffic = new LinkedHashMap<>();
    StringBuilder notes = new StringBuilder();
    try (RedisServer redis = new RedisServer().start()) {
      for (boolean inRedis : new boolean[] {false, true}) {
        int port = EmbeddedTomcat.freePort();
        String base = "http://127.0.0.1:" + port;
        tenant.registerWebApp(base + "/auth/redirect", base + "/");
        Map<String, String> settings =
            new LinkedHashMap<>(EmbeddedTomcat.settingsFor(tenant, base));
        if (inRedis) {
          settings.put("SESSION_STORE_URL", redis.url());
          settings.put(
              "SESSION_ENCRYPTION_KEY",
              java.util.Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k'));
        }
        try (ServerDistribution server =
            ServerDistribution.start(
                ServerDistribution.Kind.TOMCAT,
                EmbeddedTomcat.builtWar(),
                port,
                settings,
                trust,
                DevTenant.trustStorePassword())) {
          LoadBenchmark bench = new LoadBenchmark(tenant, base, phase);
          List<Session> sessions = new ArrayList<>();
          for (int i = 0; i < 16; i++) {
            sessions.add(bench.signIn("Store User " + i, true));
          }
          for (int round = 0; round < 2; round++) {
            for (Route route : routes.values()) {
              bench.load(
                  route, sessions, 16, phase.dividedBy(2), new LatencyRecorder(), new AtomicLong());
            }
          }
          for (Map.Entry<String, Route> route : routes.entrySet()) {
            LatencyRecorder latency = new LatencyRecorder();
            AtomicLong errors = new AtomicLong();
            Map<String, Long> before = redis.counters();
            long elapsed = bench.load(route.getValue(), sessions, 16, phase, latency, errors);
            Map<String, Long> after = redis.counters();
            long total = Math.max(1, latency.total());
            Result result =
                new Result(
                    route.getKey(),
                    16,
                    total * 1e9 / elapsed,
                    latency.percentileMillis(0.5),
                    latency.percentileMillis(0.9),
                    latency.percentileMillis(0.99),
                    errors.get(),
                    total,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0);
            (inRedis ? shared : memory).put(route.getKey(), result);
            if (inRedis) {
              // Less the two INFO calls of the measurement itself.
              traffic.put(
                  route.getKey(),
                  new double[] {
                    (delta(before, after, "total_commands_processed") - 2) / (double) total,
                    delta(before, after, "total_net_input_bytes") / (double) total,
                    delta(before, after, "total_net_output_bytes") / (double) total
                  });
              notes.append(
                  String.format(
                      Locale.ROOT,
                      "- %s: %s%n",
                      route.getKey(),
                      commandsPerRequest(before, after, total)));
            }
          }
          if (inRedis) {
            long[] store = redis.sizeOf(SESSION_KEYS);
            notes.append(
                String.format(
                    Locale.ROOT,
                    "%nBytes per session in Redis: %.1f KB of payload (key, attribute names and"
                        + " values) on average over %d sessions, all signed in past the MFA"
                        + " step-up.%n",
                    store[0] / 1024.0 / Math.max(1, store[1]),
                    store[1]));
            Map<String, long[]> classesBefore = liveClasses(server.pid());
            List<Session> many = bench.signInMany(storeUsers);
            Map<String, long[]> classesAfter = liveClasses(server.pid());
            long heapBefore = classesBefore.values().stream().mapToLong(c -> c[1]).sum();
            long heapAfter = classesAfter.values().stream().mapToLong(c -> c[1]).sum();
            long[] all = redis.sizeOf(SESSION_KEYS);
            notes.append(
                String.format(
                    Locale.ROOT,
                    "%nHeap with sessions in Redis: live objects in the app's heap %.1f MB before and"
                        + " %.1f MB after %d more users signed in (%+.2f KB per user); Redis then"
                        + " held %d sessions, %.1f MB of payload (%.1f KB each), in %.1f MB of"
                        + " used memory.%n",
                    heapBefore / 1e6,
                    heapAfter / 1e6,
                    many.size(),
                    (heapAfter - heapBefore) / 1024.0 / many.size(),
                    all[1],
                    all[0] / 1e6,
                    all[0] / 1024.0 / Math.max(1, all[1]),
                    all[2] / 1e6));
            notes.append(growth(classesBefore, classesAfter, many.size()));
          }
        }
      }
    }
    StringBuilder md =
        new StringBuilder(
            "\n## Sessions in Redis vs in memory (same run, Tomcat 11, 16 connections)\n\n"
                + "| Route | memory req/s | p50 ms | p99 ms | Redis req/s | p50 ms | p99 ms |"
                + " Redis commands/req | bytes to Redis/req | bytes from Redis/req |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
    for (String route : routes.keySet()) {
      Result m = memory.get(route);
      Result r = shared.get(route);
      double[] t = traffic.get(route);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.2f | %.0f | %.0f |%n",
              route,
              m.rps(),
              m.p50(),
              m.p99(),
              r.rps(),
              r.p50(),
              r.p99(),
              t[0],
              t[1],
              t[2]));
    }
    md.append("\nRedis commands per request, by command:\n\n").append(notes);
    return md.toString();
  }

  private static long delta(Map<String, Long> before, Map<String, Long> after, String counter) {
    return after.getOrDefault(counter, 0L) - before.getOrDefault(counter, 0L);
  }

  private static String commandsPerRequest(
      Map<String, Long> before, Map<String, Long> after, long requests) {
    StringBuilder out = new StringBuilder();
    for (String counter : after.keySet()) {
      long calls = delta(before, after, counter);
      if (counter.startsWith("cmdstat_") && !counter.equals("cmdstat_info") && calls > 0) {
        out.append(
            String.format(
                Locale.ROOT,
                "%s %.2f, ",
                counter.substring("cmdstat_".length()),
                calls / (double) requests));
      }
    }
    return out.length() == 0 ? "none" : out.substring(0, out.length() - 2);
  }

  private void run(ServerDistribution server, int heapUsers, Path out) throws Exception {
    StringBuilder report = new StringBuilder();
    report.append("# Load benchmark\n\n").append(machine()).append('\n');
    // The yardstick's sign-ins go to the tenant alone. Done first, and a few dozen times, they
    // warm the tenant and the load generator, so the cold start below times the freshly deployed
    // app as a customer of a real (always warm) tenant would see it; they are also out of the
    // steady-state call count.
    Route direct = graphDirect();
    for (int i = 0; i < TENANT_WARM_UP_SIGN_INS; i++) {
      graphDirect();
    }
    // And its Graph /me, which the sign-ins never reach: a real Graph is never cold either.
    for (int i = 0; i < TENANT_WARM_UP_GRAPH_CALLS; i++) {
      HttpResponse<Void> me =
          http.send(request(direct, null, i), HttpResponse.BodyHandlers.discarding());
      if (me.statusCode() != 200) {
        throw new IOException("Graph /me direct answered " + me.statusCode());
      }
    }
    // Their compilations finish in the background: the cold start waits for the cores to be free,
    // so it times the app's first requests, not the tenant's compiler.
    awaitQuietMachine();
    Map<String, Instant[]> windows = new LinkedHashMap<>();
    report.append(coldStart(windows, server.pid()));
    if (Boolean.getBoolean("bench.coldOnly")) {
      Files.writeString(out, report);
      System.out.println(report);
      return;
    }

    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      sessions.add(signIn("Bench User " + i, true));
    }
    Map<String, Long> before = tenant.requestCounts();
    List<Result> results = new ArrayList<>();
    Map<String, Route> routes = appRoutes();
    routes.put(GRAPH_DIRECT, direct);
    // Warm every route up first, twice round, so the JIT has compiled the shared paths (on two
    // cores its compiler threads are still busy after one round) before anything counts.
    for (int round = 0; round < 2; round++) {
      for (Route route : routes.values()) {
        load(route, sessions, 16, phase.dividedBy(2), new LatencyRecorder(), new AtomicLong());
      }
    }
    long measured = 0;
    AppCpu appMeters = new AppCpu(server.pid());
    CpuMeter appCpu = appMeters.all();
    CpuMeter appKernel = CpuMeter.processKernel(server.pid());
    CpuMeter appJit = appMeters.jit();
    CpuMeter benchCpu = CpuMeter.process(ProcessHandle.current().pid());
    CpuMeter machineCpu = CpuMeter.machine();
    int cores = Runtime.getRuntime().availableProcessors();
    for (Map.Entry<String, Route> route : routes.entrySet()) {
      for (int connections : CONCURRENCY) {
        int slices = warmUntilCompiled(route.getValue(), sessions, connections, appCpu, appJit);
        LatencyRecorder latency = new LatencyRecorder();
        AtomicLong errors = new AtomicLong();
        long app0 = appCpu.nanos();
        long appKernel0 = appKernel.nanos();
        long appJit0 = appJit.nanos();
        long tenant0 = tenantCpu.nanos();
        long bench0 = benchCpu.nanos();
        long machine0 = machineCpu.nanos();
        Instant from = Instant.now();
        long elapsed = load(route.getValue(), sessions, connections, phase, latency, errors);
        windows.put(route.getKey() + " c=" + connections, new Instant[] {from, Instant.now()});
        long total = latency.total();
        measured += total;
        double appMicros = (appCpu.nanos() - app0) / 1e3 / Math.max(total, 1);
        double appKernelMicros = (appKernel.nanos() - appKernel0) / 1e3 / Math.max(total, 1);
        double appJitMicros = (appJit.nanos() - appJit0) / 1e3 / Math.max(total, 1);
        double tenantMicros = (tenantCpu.nanos() - tenant0) / 1e3 / Math.max(total, 1);
        double benchMicros = (benchCpu.nanos() - bench0) / 1e3 / Math.max(total, 1);
        double busy = (machineCpu.nanos() - machine0) / (double) elapsed / cores;
        results.add(
            new Result(
                route.getKey(),
                connections,
                total * 1e9 / elapsed,
                latency.percentileMillis(0.5),
                latency.percentileMillis(0.9),
                latency.percentileMillis(0.99),
                errors.get(),
                total,
                appMicros,
                appKernelMicros,
                appJitMicros,
                slices,
                tenantMicros,
                benchMicros,
                busy));
        System.out.printf(
            Locale.ROOT,
            "%-32s c=%-3d %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  CPU/req app %.0f µs"
                + " (JIT %.0f) tenant %.0f µs bench JVM %.0f µs, machine %.0f %% busy, %d warm-up"
                + " slices%n",
            route.getKey(),
            connections,
            total * 1e9 / elapsed,
            latency.percentileMillis(0.5),
            latency.percentileMillis(0.99),
            errors.get(),
            appMicros,
            appJitMicros,
            tenantMicros,
            benchMicros,
            busy * 100,
            slices);
      }
    }
    Map<String, Long> after = tenant.requestCounts();

    report
        .append("## Throughput and latency\n\n")
        .append(
            "| Route | Connections | req/s | p50 ms | p90 ms | p99 ms | errors | app CPU µs/req"
                + " | of it JIT | tenant CPU µs/req | bench JVM CPU µs/req | machine busy |"
                + " warm-up slices |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Result r : results) {
      report.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.0f | %.2f | %.2f | %.2f | %d | %.0f | %.0f | %.0f | %.0f | %.0f %% | %d |%n",
              r.route(),
              r.connections(),
              r.rps(),
              r.p50(),
              r.p90(),
              r.p99(),
              r.errors(),
              r.appCpuMicros(),
              r.appJitMicros(),
              r.tenantCpuMicros(),
              r.benchCpuMicros(),
              r.machineBusy() * 100,
              r.warmUpSlices()));
    }
    report.append(
        "\nCPU per request: the app's whole JVM from /proc (request threads, JIT, GC; of it, its JIT"
            + " compiler threads'), and the dev tenant's request threads in the benchmark's JVM (a"
            + " lower bound). Before each phase the route runs in warm-up slices of a quarter phase"
            + " at the phase's concurrency until the app's JIT spends under "
            + Math.round(JIT_QUIET * 100)
            + " % of its CPU in a slice (at most "
            + MAX_WARM_UP_SLICES
            + " slices): a phase measures compiled code, not the compiler. The bench JVM is"
            + " that whole process: the dev tenant and the load generator, with their GC and JIT."
            + " Machine busy is all cores' user and system time over the phase (steal excluded):"
            + " a phase well below 100 % waited on something other than CPU. The Graph /me direct"
            + " row is the yardstick: the same Graph call the profile page makes (same URL, same"
            + " $select), without the app. The static file row is the floor: what any request"
            + " costs on this container and machine (connector, filters, the default servlet).\n");
    report.append(aboveFloor(results, 16));
    report.append(ratio(results, 16));
    if (PROFILE) {
      report.append(profiles(server, windows));
    }

    Result anonymous = find(results, "GET / (signed out)", 1);
    Result signedIn = find(results, "GET / (signed in)", 1);
    report.append(
        String.format(
            Locale.ROOT,
            "%n## Auth overhead%n%nThe home page signed in vs signed out, one connection: "
                + "p50 %.2f ms vs %.2f ms, i.e. %.2f ms more (ratio %.2f).%n",
            signedIn.p50(),
            anonymous.p50(),
            signedIn.p50() - anonymous.p50(),
            signedIn.p50() / anonymous.p50()));

    report
        .append("\n## Calls to the tenant during the steady-state load\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "%d requests measured (plus warm-ups).%n%n| Endpoint | Calls |%n|---|---|%n",
                measured));
    for (String endpoint :
        new String[] {"discovery", "jwks", "authorize", "token", "graph.get", "graph.patch"}) {
      report.append(
          String.format(
              Locale.ROOT,
              "| %s | %d |%n",
              endpoint,
              after.getOrDefault(endpoint, 0L) - before.getOrDefault(endpoint, 0L)));
    }

    System.out.println("Signing in " + heapUsers + " more users to weigh their sessions...");
    long heapBefore = heapUsedAfterGc(server.pid());
    List<Session> many = signInMany(heapUsers);
    long heapAfter = heapUsedAfterGc(server.pid());
    double perUser = (heapAfter - heapBefore) / (double) many.size();
    report.append(
        String.format(
            Locale.ROOT,
            "%n## Memory%n%nLive objects in the server's heap grew by %.1f MB for %d more signed-in users: "
                + "%.1f KB per user, so 10,000 users need about %.0f MB.%n",
            (heapAfter - heapBefore) / 1e6,
            many.size(),
            perUser / 1024,
            perUser * 10_000 / 1e6));

    int sessionCount = sessions.size() + many.size();
    server.close();
    Path sessionsFile = server.base().resolve("work/Catalina/localhost/ROOT/SESSIONS.ser");
    if (Files.exists(sessionsFile)) {
      long bytes = Files.size(sessionsFile);
      report.append(
          String.format(
              Locale.ROOT,
              "%nTomcat persisted %d sessions in %d bytes on shutdown: %.1f KB per session "
                  + "(64 of them also hold the MFA and Graph tokens).%n",
              sessionCount,
              bytes,
              bytes / 1024.0 / sessionCount));
    }
    Files.writeString(out, report.toString());
    System.out.println(report);
  }

  /** Whether the server runs with a flight recording (bench.profile, default true). */
  private static final boolean PROFILE =
      Boolean.parseBoolean(System.getProperty("bench.profile", "true"));

  private static final String GRAPH_DIRECT = "GET Graph /me (direct)";

  /** Sign-ins at the tenant alone before the cold start (the tenant's JIT compiles meanwhile). */
  private static final int TENANT_WARM_UP_SIGN_INS = 40;

  private static final String STATIC_FLOOR = "GET /static/app.css (floor)";

  /** The web app beside the app's that serves the same static file without it. */
  private static final String CONTAINER_ALONE_CONTEXT = "bare";

  private static final String CONTAINER_ALONE = "GET /bare/app.css (container alone)";

  /** Graph /me calls at the tenant alone before the cold start, for the same reason. */
  private static final int TENANT_WARM_UP_GRAPH_CALLS = 2_000;

  /** The app's routes the benchmark loads, the container alone and the floor first. */
  private static Map<String, Route> appRoutes() {
    Map<String, Route> routes = new LinkedHashMap<>();
    routes.put(
        CONTAINER_ALONE, Route.app("GET", "/" + CONTAINER_ALONE_CONTEXT + "/app.css", false));
    // The floor: a small static file through the same container, connector and filters.
    routes.put(STATIC_FLOOR, Route.app("GET", "/static/app.css", false));
    routes.put("GET / (signed out)", Route.app("GET", "/", false));
    routes.put("GET / (signed in)", Route.app("GET", "/", true));
    routes.put("GET /users/id", Route.app("GET", "/users/id", true));
    routes.put(
        "GET /users/gatedUpdateProfile", Route.app("GET", "/users/gatedUpdateProfile", true));
    routes.put("GET /users/updateProfile", Route.app("GET", "/users/updateProfile", true));
    routes.put("POST /users/update", Route.app("POST", "/users/update", true));
    return routes;
  }

  /**
   * The routes a side-by-side comparison loads: COMPARE_ROUTES (route names, or parts of them,
   * comma-separated) narrows them, so that more rounds of the routes in question fit in a run; the
   * container alone stays first, as the comparison's calibration.
   */
  private static Map<String, Route> comparedRoutes() {
    List<String> wanted =
        Arrays.stream(System.getProperty("bench.compareRoutes", "").split(","))
            .map(String::strip)
            .filter(part -> !part.isEmpty())
            .toList();
    Map<String, Route> routes = new LinkedHashMap<>();
    appRoutes()
        .forEach(
            (name, route) -> {
              if (wanted.isEmpty()
                  || name.equals(CONTAINER_ALONE)
                  || wanted.stream().anyMatch(name::contains)) {
                routes.put(name, route);
              }
            });
    return routes;
  }

  /**
   * A request to load: to the app (with a signed-in session's cookie or none) or, with a bearer,
   * elsewhere.
   */
  private record Route(String method, String url, boolean signedIn, String bearer) {
    static Route app(String method, String path, boolean signedIn) {
      return new Route(method, path, signedIn, null);
    }
  }

  /**
   * Graph's /me on the dev tenant with a token of a customer of its own, at the same concurrency.
   */
  private Route graphDirect() throws IOException {
    DevTenantUser user =
        new DevTenantUser("direct-" + UUID.randomUUID() + "@example.test", "Bench-Pw-1", null);
    tenant.directory().add(user.email(), user.password(), "Graph Direct");
    String token = GraphToken.obtain(tenant, app + "/auth/redirect", user);
    return new Route(
        "GET",
        GraphClient.profileUrl(URI.create(tenant.graphEndpoint() + "v1.0/me")).toString(),
        false,
        token);
  }

  /**
   * The profile page's throughput as a share of Graph /me called directly, same run; and the same
   * share as the two CPU costs predict it when the app and the tenant each have cores of their own
   * (here they share them with the load generator, whose cost per profile page is the larger).
   */
  private static String ratio(List<Result> results, int connections) {
    Result profile = find(results, "GET /users/gatedUpdateProfile", connections);
    Result direct = find(results, GRAPH_DIRECT, connections);
    return String.format(
            Locale.ROOT,
            "%n## The profile page against Graph /me direct%n%nAt %d connections the profile page"
                + " served %.0f req/s, Graph /me called directly %.0f req/s: **%.2f×**.%n%n"
                + "By CPU cost: the app spent %.0f µs per profile page, the dev tenant %.0f µs per"
                + " direct /me (its request threads only, so the tenant's side is a lower bound). With"
                + " the app and the tenant each on equal cores of their own and the load generator"
                + " elsewhere, the page could serve at most **%.2f×** the direct rate; %.2f× without"
                + " the %.0f µs per page the app's JIT still spent (the tenant's side counts no JIT"
                + " either).%n",
            connections,
            profile.rps(),
            direct.rps(),
            profile.rps() / direct.rps(),
            profile.appCpuMicros(),
            direct.tenantCpuMicros(),
            Math.min(1.0, direct.tenantCpuMicros() / profile.appCpuMicros()),
            Math.min(
                1.0,
                direct.tenantCpuMicros()
                    / Math.max(1, profile.appCpuMicros() - profile.appJitMicros())),
            profile.appJitMicros())
        + cpuBoundWarning(profile, direct);
  }

  /** Below this machine busy, a phase waited on something besides CPU (often: other tenants). */
  private static final double CPU_BOUND = 0.85;

  /**
   * Both ratios assume the two phases were bound by CPU; on a shared host a phase can lose its
   * cores to other work, and its requests per second then say nothing about the app.
   */
  private static String cpuBoundWarning(Result profile, Result direct) {
    StringBuilder idle = new StringBuilder();
    for (Result r : List.of(profile, direct)) {
      if (r.machineBusy() < CPU_BOUND) {
        idle.append(
            String.format(
                Locale.ROOT,
                "%s%s was only %.0f %% busy",
                idle.length() == 0 ? "" : ", ",
                r.route(),
                r.machineBusy() * 100));
      }
    }
    return idle.length() == 0
        ? ""
        : String.format(
            Locale.ROOT,
            "%n**Not comparable in this run:** %s, so the ratios do not measure the app (another"
                + " process had the cores); run the benchmark again.%n",
            idle);
  }

  /**
   * The pages' app CPU above the static file's, the part the app's own code adds: the issue's
   * targets read against a machine where the floor is what it is.
   */
  private static String aboveFloor(List<Result> results, int connections) {
    double floor = find(results, STATIC_FLOOR, connections).appCpuMicros();
    double alone = find(results, CONTAINER_ALONE, connections).appCpuMicros();
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%n## Above the floor%n%nAt %d connections a static file cost the app %.0f µs of"
                    + " CPU (%.0f µs of it in the kernel); the same file from a web app of its own"
                    + " beside the app's, without the app's filters, %.0f µs, so the container"
                    + " itself takes that much of every request and the app's filters %.0f µs."
                    + " What each page adds to the static file, and the kernel's part of the"
                    + " page's CPU (the app's sockets and thread wake-ups, which the flight"
                    + " recording's samples never show):%n%n"
                    + "| Route | app CPU µs/req | above the floor | app kernel µs/req |%n"
                    + "|---|---|---|---|%n",
                connections,
                floor,
                find(results, STATIC_FLOOR, connections).appKernelMicros(),
                alone,
                floor - alone));
    for (Result r : results) {
      if (r.connections() == connections
          && !r.route().equals(STATIC_FLOOR)
          && !r.route().equals(CONTAINER_ALONE)
          && !r.route().equals(GRAPH_DIRECT)) {
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %.0f | %.0f | %.0f |%n",
                r.route(),
                r.appCpuMicros(),
                r.appCpuMicros() - floor,
                r.appKernelMicros()));
      }
    }
    return out.toString();
  }

  /** Where the app's CPU went on the routes that matter, from the flight recording. */
  private static String profiles(ServerDistribution server, Map<String, Instant[]> windows)
      throws IOException, InterruptedException {
    Path recording = server.base().resolve("bench.jfr").toAbsolutePath();
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    run(jcmd, Long.toString(server.pid()), "JFR.dump", "name=bench", "filename=" + recording);
    if (!Files.exists(recording)) {
      return "\n(no flight recording could be dumped)\n";
    }
    StringBuilder out = new StringBuilder("\n## Where the app's CPU goes (flight recording)\n");
    for (String phase :
        List.of(
            FIRST_SIGN_IN,
            FIRST_PROFILE,
            "GET / (signed out) c=16",
            "GET / (signed in) c=16",
            "GET /users/gatedUpdateProfile c=16",
            "GET /users/id c=16",
            "POST /users/update c=16")) {
      Instant[] window = windows.get(phase);
      out.append(JfrProfile.of(recording, window[0], window[1]).toMarkdown(phase, 15));
    }
    return out.toString();
  }

  /**
   * A warm-up slice counts as compiled when the JIT spent less than this share of the app's CPU.
   */
  private static final double JIT_QUIET = 0.05;

  private static final int MAX_WARM_UP_SLICES = 12;

  /**
   * Runs the route at the phase's concurrency, a quarter phase at a time, until the app's JIT
   * compiler threads are (nearly) idle during a slice: on two shared cores the compiler can still
   * be busy with a route's code after the first warm-up round, and its CPU would be charged to the
   * requests of the phase. Returns the slices it took.
   */
  private int warmUntilCompiled(
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

  /** Runs the closed loop for the given time; returns the elapsed nanoseconds. */
  private long load(
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

  /**
   * The first sign-in and the first profile page after a fresh deploy (before anything else has
   * touched the server), then the same for a second customer: what the first visitors wait for.
   */
  private static final String FIRST_SIGN_IN = "first sign-in after deploy";

  private static final String FIRST_PROFILE = "first profile page after deploy";

  /** How long a cold-start customer looks at a page before following its link. */
  private static final long THINK_MILLIS = Long.getLong("bench.thinkMillis", 0);

  /**
   * Waits until the machine's cores are mostly idle over a quarter of a second, for at most {@link
   * #QUIET_WAIT_LIMIT}: a machine that other work keeps busy is reported, not waited on forever.
   */
  private static void awaitQuietMachine() throws InterruptedException {
    CpuMeter machine = CpuMeter.machine();
    int cores = Runtime.getRuntime().availableProcessors();
    long start = System.nanoTime();
    double busy = 1;
    while (System.nanoTime() - start < QUIET_WAIT_LIMIT.toNanos()) {
      long before = machine.nanos();
      long windowStart = System.nanoTime();
      Thread.sleep(250);
      busy = (machine.nanos() - before) / (double) (System.nanoTime() - windowStart) / cores;
      if (busy < QUIET_MACHINE) {
        break;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Before the cold start: waited %.1f s for the machine to quiet down (%.0f %% busy)%n",
        (System.nanoTime() - start) / 1e9,
        busy * 100);
  }

  /** Busier than this (all cores' share), the machine is still compiling or serving. */
  private static final double QUIET_MACHINE = 0.15;

  private static final Duration QUIET_WAIT_LIMIT = Duration.ofSeconds(30);

  private String coldStart(Map<String, Instant[]> windows, long appPid)
      throws IOException, InterruptedException {
    AppCpu appCpu = new AppCpu(appPid);
    StringBuilder table =
        new StringBuilder(
            "## After a fresh deploy\n\n"
                + "| | Open sign-in (app → tenant page) | Submit credentials (tenant → callback →"
                + " home) | Profile page (Graph /me) | The same page again |\n"
                + "|---|---|---|---|---|\n");
    for (String who : List.of("first customer", "second customer")) {
      DevTenantUser user =
          new DevTenantUser("cold-" + UUID.randomUUID() + "@example.test", "Bench-Pw-1", null);
      tenant.directory().add(user.email(), user.password(), "Cold Start");
      Browser browser = new Browser();
      Instant started = Instant.now();
      StepTimer timer = new StepTimer(appCpu, tenantCpu);
      Page login = Journeys.openSignIn(browser, app, "/");
      Step open = timer.stop();
      timer = new StepTimer(appCpu, tenantCpu);
      Journeys.submitLogin(browser, login, user);
      Step submit = timer.stop();
      Instant home = Instant.now();
      // The customer reads the home page before following its link (THINK_MILLIS, default none).
      Thread.sleep(THINK_MILLIS);
      Instant clicked = Instant.now();
      timer = new StepTimer(appCpu, tenantCpu);
      browser.get(app + "/users/gatedUpdateProfile");
      Step profile = timer.stop();
      windows.putIfAbsent(FIRST_SIGN_IN, new Instant[] {started, home});
      windows.putIfAbsent(FIRST_PROFILE, new Instant[] {clicked, Instant.now()});
      Thread.sleep(THINK_MILLIS);
      timer = new StepTimer(appCpu, tenantCpu);
      browser.get(app + "/users/gatedUpdateProfile");
      Step again = timer.stop();
      System.out.printf(
          Locale.ROOT,
          "Cold start, %s: open sign-in %s, submit %s, profile %s, again %s%n",
          who,
          open,
          submit,
          profile,
          again);
      table.append(
          String.format(
              Locale.ROOT, "| %s | %s | %s | %s | %s |%n", who, open, submit, profile, again));
    }
    return table
        .append(
            "\nEach step's time, with the CPU the app's whole JVM spent meanwhile (of it, its"
                + " request threads', which load the classes a step needs first, and its JIT"
                + " compiler threads'; the rest is GC and the container's other threads), the"
                + " classes the app loaded and the JVM's time loading them (`jstat -class`), and"
                + " the dev tenant's request threads' CPU; on several cores the app's CPU can"
                + " exceed the step's time. Between the home page and each profile page the"
                + " customer paused "
                + THINK_MILLIS
                + " ms (THINK_MILLIS).\n\n")
        .toString();
  }

  /** The app JVM's meters: its CPU (all, request threads, JIT compilers) and class loading. */
  private record AppCpu(long pid, CpuMeter all, CpuMeter requests, CpuMeter jit) {
    AppCpu(long pid) {
      this(
          pid,
          CpuMeter.process(pid),
          CpuMeter.processThreads(pid, List.of("http-")),
          CpuMeter.processThreads(pid, List.of("C1 CompilerThre", "C2 CompilerThre")));
    }

    /**
     * Classes loaded so far and the JVM's time spent loading them, from {@code jstat -class} (which
     * reads the JVM's performance counters without attaching to it).
     */
    long[] classesAndLoadingMillis() throws IOException {
      try {
        String[] lines =
            run(
                    Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                    "-class",
                    Long.toString(pid))
                .strip()
                .split("\n");
        String[] values = lines[lines.length - 1].strip().split("\\s+");
        return new long[] {
          Long.parseLong(values[0]), Math.round(Double.parseDouble(values[4]) * 1000)
        };
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      } catch (RuntimeException e) {
        throw new IOException("jstat -class gave no counters", e);
      }
    }
  }

  /**
   * One timed step of the cold start: how long it took, the app's CPU (all of it, its request
   * threads', its JIT compilers'), the classes it loaded and the time that took, the tenant's CPU.
   */
  private record Step(
      long elapsedNanos,
      long appNanos,
      long requestNanos,
      long jitNanos,
      long classesLoaded,
      long classLoadingMillis,
      long tenantNanos) {

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%.1f ms (app CPU %.0f ms: requests %.0f, JIT %.0f; %d classes loaded in %d ms;"
              + " tenant %.0f ms)",
          elapsedNanos / 1e6,
          appNanos / 1e6,
          requestNanos / 1e6,
          jitNanos / 1e6,
          classesLoaded,
          classLoadingMillis,
          tenantNanos / 1e6);
    }
  }

  /** Started before a step, {@link #stop()} after it (the class counters read outside the time). */
  private static final class StepTimer {
    private final AppCpu app;
    private final CpuMeter tenant;
    private final long[] classesAtStart;
    private final long appAtStart;
    private final long requestsAtStart;
    private final long jitAtStart;
    private final long tenantAtStart;
    private final long start;

    StepTimer(AppCpu app, CpuMeter tenant) throws IOException {
      this.app = app;
      this.tenant = tenant;
      this.classesAtStart = app.classesAndLoadingMillis();
      this.appAtStart = app.all().nanos();
      this.requestsAtStart = app.requests().nanos();
      this.jitAtStart = app.jit().nanos();
      this.tenantAtStart = tenant.nanos();
      this.start = System.nanoTime();
    }

    Step stop() throws IOException {
      long elapsed = System.nanoTime() - start;
      long appNanos = app.all().nanos() - appAtStart;
      long requestNanos = app.requests().nanos() - requestsAtStart;
      long jitNanos = app.jit().nanos() - jitAtStart;
      long tenantNanos = tenant.nanos() - tenantAtStart;
      long[] classes = app.classesAndLoadingMillis();
      return new Step(
          elapsed,
          appNanos,
          requestNanos,
          jitNanos,
          classes[0] - classesAtStart[0],
          classes[1] - classesAtStart[1],
          tenantNanos);
    }
  }

  /** A new customer signed in through the tenant's pages, optionally past the MFA step-up. */
  private Session signIn(String name, boolean stepUp) throws IOException {
    DevTenantUser user =
        new DevTenantUser("bench-" + UUID.randomUUID() + "@example.test", "Bench-Pw-1", null);
    tenant.directory().add(user.email(), user.password(), name);
    Browser browser = new Browser();
    Page page = Journeys.signIn(browser, app, user, "/");
    if (stepUp) {
      page =
          Journeys.completeMfa(browser, browser.open(app + "/users/updateProfile"), tenant, user);
    }
    String csrf = page.doc().selectFirst("input[name=_csrf]").attr("value");
    return new Session(browser.cookie("JSESSIONID").orElseThrow(), csrf);
  }

  private List<Session> signInMany(int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Session>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      futures.add(pool.submit(() -> signInRetrying("Heap User " + n)));
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

  /**
   * Bytes of live objects in the server's heap (jmap's histogram of live objects forces a full GC).
   */
  private static long heapUsedAfterGc(long pid) throws IOException, InterruptedException {
    String jmap = Path.of(System.getProperty("java.home"), "bin", "jmap").toString();
    String histogram = run(jmap, "-histo:live", Long.toString(pid));
    Matcher total = Pattern.compile("Total\\s+\\d+\\s+(\\d+)").matcher(histogram);
    if (!total.find()) {
      throw new IOException("unexpected jmap output:\n" + histogram);
    }
    return Long.parseLong(total.group(1));
  }

  /** Live objects per class (instances, bytes), from the same histogram. */
  private static Map<String, long[]> liveClasses(long pid)
      throws IOException, InterruptedException {
    String jmap = Path.of(System.getProperty("java.home"), "bin", "jmap").toString();
    Map<String, long[]> classes = new LinkedHashMap<>();
    Matcher row =
        Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)")
            .matcher(run(jmap, "-histo:live", Long.toString(pid)));
    while (row.find()) {
      classes.merge(
          row.group(3),
          new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
          (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
    }
    return classes;
  }

  /** The classes whose live bytes grew the most between two histograms, per user added. */
  private static String growth(Map<String, long[]> before, Map<String, long[]> after, int users) {
    StringBuilder md =
        new StringBuilder(
            "\nWhat grew in the app's heap meanwhile (live bytes per user added):\n\n");
    after.entrySet().stream()
        .map(
            e -> {
              long[] was = before.getOrDefault(e.getKey(), new long[2]);
              return Map.entry(
                  e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
            })
        .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
        .limit(12)
        .forEach(
            e ->
                md.append(
                    String.format(
                        Locale.ROOT,
                        "- `%s`: %+.1f bytes, %+.2f instances per user%n",
                        e.getKey(),
                        e.getValue()[1] / (double) users,
                        e.getValue()[0] / (double) users)));
    return md.toString();
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output;
  }

  private static Result find(List<Result> results, String route, int connections) {
    return results.stream()
        .filter(r -> r.route().equals(route) && r.connections() == connections)
        .findFirst()
        .orElseThrow();
  }

  private static String machine() {
    return String.format(
        Locale.ROOT,
        "Machine: %d cores, %s %s, Java %s (%s). Load generator, app and dev tenant share it.%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"));
  }
}
