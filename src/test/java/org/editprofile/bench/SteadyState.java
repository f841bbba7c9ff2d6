package org.editprofile.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.editprofile.bench.BenchRoutes.Route;
import org.editprofile.bench.BenchRoutes.Session;
import org.editprofile.it.ServerDistribution;

/**
 * Part 1 after the cold start: every route at 1, 16 and 64 connections once compiled, with each
 * side's CPU per request and the calls the app made to the tenant meanwhile; then the heap per
 * signed-in user and the sessions' size as Tomcat writes them.
 */
final class SteadyState {

  private static final int[] CONCURRENCY = {1, 16, 64};

  private final LoadClient client;
  private final ServerDistribution server;
  private final AppJvm app;
  private final CpuMeter tenantCpu = CpuMeter.devTenant();

  /** The calls to the tenant during the measured phases, by endpoint, and the requests measured. */
  record TenantCalls(Map<String, Long> before, Map<String, Long> after, long measured) {
    long of(String endpoint) {
      return after.getOrDefault(endpoint, 0L) - before.getOrDefault(endpoint, 0L);
    }
  }

  SteadyState(LoadClient client, ServerDistribution server) {
    this.client = client;
    this.server = server;
    this.app = new AppJvm(server.pid());
  }

  /**
   * Signs in 64 customers past the step-up, warms every route twice round, then measures each at
   * each concurrency; each phase's time window goes into {@code windows}.
   */
  List<PhaseResult> measure(
      Map<String, Route> routes, List<Session> sessions, Map<String, Instant[]> windows)
      throws Exception {
    // Twice round, so the JIT has compiled the shared paths (on two cores its compiler threads
    // are still busy after one round) before anything counts.
    for (int round = 0; round < 2; round++) {
      for (Route route : routes.values()) {
        client.warm(route, sessions, 16, client.phase().dividedBy(2));
      }
    }
    List<PhaseResult> results = new ArrayList<>();
    CpuMeter appKernel = app.kernel();
    CpuMeter benchCpu = CpuMeter.process(ProcessHandle.current().pid());
    CpuMeter machineCpu = CpuMeter.machine();
    int cores = Runtime.getRuntime().availableProcessors();
    for (Map.Entry<String, Route> route : routes.entrySet()) {
      for (int connections : CONCURRENCY) {
        int slices =
            client.warmUntilCompiled(route.getValue(), sessions, connections, app.all(), app.jit());
        LatencyRecorder latency = new LatencyRecorder();
        AtomicLong errors = new AtomicLong();
        long app0 = app.all().nanos();
        long appKernel0 = appKernel.nanos();
        long appJit0 = app.jit().nanos();
        long tenant0 = tenantCpu.nanos();
        long bench0 = benchCpu.nanos();
        long machine0 = machineCpu.nanos();
        Instant from = Instant.now();
        long elapsed =
            client.load(route.getValue(), sessions, connections, client.phase(), latency, errors);
        windows.put(route.getKey() + " c=" + connections, new Instant[] {from, Instant.now()});
        long total = Math.max(latency.total(), 1);
        PhaseResult result =
            new PhaseResult(
                route.getKey(),
                connections,
                latency.total() * 1e9 / elapsed,
                latency.percentileMillis(0.5),
                latency.percentileMillis(0.9),
                latency.percentileMillis(0.99),
                errors.get(),
                latency.total(),
                (app.all().nanos() - app0) / 1e3 / total,
                (appKernel.nanos() - appKernel0) / 1e3 / total,
                (app.jit().nanos() - appJit0) / 1e3 / total,
                slices,
                (tenantCpu.nanos() - tenant0) / 1e3 / total,
                (benchCpu.nanos() - bench0) / 1e3 / total,
                (machineCpu.nanos() - machine0) / (double) elapsed / cores);
        results.add(result);
        print(result);
      }
    }
    return results;
  }

  private static void print(PhaseResult r) {
    System.out.printf(
        Locale.ROOT,
        "%-32s c=%-3d %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  CPU/req app %.0f µs"
            + " (JIT %.0f) tenant %.0f µs bench JVM %.0f µs, machine %.0f %% busy, %d warm-up"
            + " slices%n",
        r.route(),
        r.connections(),
        r.rps(),
        r.p50(),
        r.p99(),
        r.errors(),
        r.appCpuMicros(),
        r.appJitMicros(),
        r.tenantCpuMicros(),
        r.benchCpuMicros(),
        r.machineBusy() * 100,
        r.warmUpSlices());
  }

  /**
   * Signs in {@code heapUsers} more customers and weighs them in the heap; then stops the server
   * and weighs the sessions Tomcat writes on shutdown.
   *
   * @param signedInBefore the sessions already signed in (they hold the MFA and Graph tokens)
   * @return the report's section
   */
  String memory(int heapUsers, int signedInBefore) throws Exception {
    System.out.println("Signing in " + heapUsers + " more users to weigh their sessions...");
    long heapBefore = app.heapUsedAfterGc();
    List<Session> many = client.signInMany(heapUsers, "Heap User");
    long heapAfter = app.heapUsedAfterGc();
    double perUser = (heapAfter - heapBefore) / (double) many.size();
    StringBuilder report =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%n## Memory%n%nLive objects in the server's heap grew by %.1f MB for %d more"
                    + " signed-in users: %.1f KB per user, so 10,000 users need about %.0f MB.%n",
                (heapAfter - heapBefore) / 1e6,
                many.size(),
                perUser / 1024,
                perUser * 10_000 / 1e6));
    int sessionCount = signedInBefore + many.size();
    server.close();
    Path sessionsFile = server.base().resolve("work/Catalina/localhost/ROOT/SESSIONS.ser");
    if (Files.exists(sessionsFile)) {
      long bytes = Files.size(sessionsFile);
      report.append(
          String.format(
              Locale.ROOT,
              "%nTomcat persisted %d sessions in %d bytes on shutdown: %.1f KB per session "
                  + "(%d of them also hold the MFA and Graph tokens).%n",
              sessionCount,
              bytes,
              bytes / 1024.0 / sessionCount,
              signedInBefore));
    }
    return report.toString();
  }
}
