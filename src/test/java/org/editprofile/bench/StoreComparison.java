package org.editprofile.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.editprofile.bench.BenchRoutes.Route;
import org.editprofile.bench.BenchRoutes.Session;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.RedisServer;
import org.editprofile.it.ServerDistribution;

/** Part 3: the signed-in routes with sessions in the container's memory and in Redis. */
final class StoreComparison {

  /** The routes that read the session and, for the save, write it. */
  private static final Set<String> STORE_ROUTES =
      Set.of("GET /users/id", BenchRoutes.PROFILE, "POST /users/update");

  private StoreComparison() {}

  private static final String SESSION_KEYS = "edit-profile:session:sessions:";

  /**
   * The signed-in routes with sessions in the container's memory and in Redis, same run, same
   * Tomcat: throughput and latency side by side, Redis commands and bytes per request, bytes per
   * session in Redis, and the app's heap with many signed-in users in Redis mode.
   */
  static String run(DevTenant tenant, Path trust, Duration phase, int storeUsers) throws Exception {
    Map<String, Route> routes = new LinkedHashMap<>();
    for (Map.Entry<String, Route> route : BenchRoutes.app().entrySet()) {
      if (STORE_ROUTES.contains(route.getKey())) {
        routes.put(route.getKey(), route.getValue());
      }
    }
    Map<String, PhaseResult> memory = new LinkedHashMap<>();
    Map<String, PhaseResult> shared = new LinkedHashMap<>();
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
          LoadClient bench = new LoadClient(tenant, base, phase);
          List<Session> sessions = new ArrayList<>();
          for (int i = 0; i < 16; i++) {
            sessions.add(bench.signIn("Store User " + i, true));
          }
          for (int round = 0; round < 2; round++) {
            for (Route route : routes.values()) {
              bench.warm(route, sessions, 16, phase.dividedBy(2));
            }
          }
          for (Map.Entry<String, Route> route : routes.entrySet()) {
            LatencyRecorder latency = new LatencyRecorder();
            AtomicLong errors = new AtomicLong();
            Map<String, Long> before = redis.counters();
            long elapsed = bench.load(route.getValue(), sessions, 16, phase, latency, errors);
            Map<String, Long> after = redis.counters();
            long total = Math.max(1, latency.total());
            PhaseResult result =
                PhaseResult.timing(route.getKey(), 16, elapsed, latency, errors.get());
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
            AppJvm app = new AppJvm(server.pid());
            Map<String, long[]> classesBefore = app.liveClasses();
            List<Session> many = bench.signInMany(storeUsers, "Heap User");
            Map<String, long[]> classesAfter = app.liveClasses();
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
            notes.append(AppJvm.growth(classesBefore, classesAfter, many.size()));
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
      PhaseResult m = memory.get(route);
      PhaseResult r = shared.get(route);
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
}
