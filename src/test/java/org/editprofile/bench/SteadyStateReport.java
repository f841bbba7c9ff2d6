package org.editprofile.bench;

import static org.editprofile.bench.BenchRoutes.CONTAINER_ALONE;
import static org.editprofile.bench.BenchRoutes.GRAPH_DIRECT;
import static org.editprofile.bench.BenchRoutes.STATIC_FLOOR;
import static org.editprofile.bench.PhaseResult.find;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Part 1's figures as the report's sections. */
final class SteadyStateReport {

  /** Below this machine busy, a phase waited on something besides CPU (often: other tenants). */
  private static final double CPU_BOUND = 0.85;

  private SteadyStateReport() {}

  /**
   * The throughput and latency table, what the pages add to the floor, the profile page against
   * Graph direct, where the CPU went (when profiled), the sign-in's overhead and the tenant calls.
   */
  static String of(
      List<PhaseResult> results,
      SteadyState.TenantCalls calls,
      AppJvm app,
      Path serverBase,
      Map<String, Instant[]> windows,
      boolean profiled)
      throws IOException, InterruptedException {
    StringBuilder report = new StringBuilder();
    report
        .append("## Throughput and latency\n\n")
        .append(
            "| Route | Connections | req/s | p50 ms | p90 ms | p99 ms | errors | app CPU µs/req"
                + " | of it JIT | tenant CPU µs/req | bench JVM CPU µs/req | machine busy |"
                + " warm-up slices |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (PhaseResult r : results) {
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
            + Math.round(LoadClient.JIT_QUIET * 100)
            + " % of its CPU in a slice (at most "
            + LoadClient.MAX_WARM_UP_SLICES
            + " slices): a phase measures compiled code, not the compiler. The bench JVM is"
            + " that whole process: the dev tenant and the load generator, with their GC and JIT."
            + " Machine busy is all cores' user and system time over the phase (steal excluded):"
            + " a phase well below 100 % waited on something other than CPU. The Graph /me direct"
            + " row is the yardstick: the same Graph call the profile page makes (same URL, same"
            + " $select), without the app. The static file row is the floor: what any request"
            + " costs on this container and machine (connector, filters, the default servlet).\n");
    report.append(aboveFloor(results, 16));
    report.append(ratio(results, 16));
    if (profiled) {
      report.append(profiles(app, serverBase, windows));
    }
    PhaseResult anonymous = find(results, BenchRoutes.HOME_SIGNED_OUT, 1);
    PhaseResult signedIn = find(results, BenchRoutes.HOME_SIGNED_IN, 1);
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
                calls.measured()));
    for (String endpoint :
        new String[] {"discovery", "jwks", "authorize", "token", "graph.get", "graph.patch"}) {
      report.append(String.format(Locale.ROOT, "| %s | %d |%n", endpoint, calls.of(endpoint)));
    }
    return report.toString();
  }

  /**
   * The profile page's throughput as a share of Graph /me called directly, same run; and the same
   * share as the two CPU costs predict it when the app and the tenant each have cores of their own
   * (here they share them with the load generator, whose cost per profile page is the larger).
   */
  private static String ratio(List<PhaseResult> results, int connections) {
    PhaseResult profile = find(results, BenchRoutes.PROFILE, connections);
    PhaseResult direct = find(results, GRAPH_DIRECT, connections);
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

  /**
   * Both ratios assume the two phases were bound by CPU; on a shared host a phase can lose its
   * cores to other work, and its requests per second then say nothing about the app.
   */
  private static String cpuBoundWarning(PhaseResult profile, PhaseResult direct) {
    StringBuilder idle = new StringBuilder();
    for (PhaseResult r : List.of(profile, direct)) {
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
  private static String aboveFloor(List<PhaseResult> results, int connections) {
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
    for (PhaseResult r : results) {
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
  private static String profiles(AppJvm app, Path serverBase, Map<String, Instant[]> windows)
      throws IOException, InterruptedException {
    Path recording = serverBase.resolve("bench.jfr").toAbsolutePath();
    app.dumpRecording(recording);
    if (!Files.exists(recording)) {
      return "\n(no flight recording could be dumped)\n";
    }
    StringBuilder out = new StringBuilder("\n## Where the app's CPU goes (flight recording)\n");
    for (String phase :
        List.of(
            ColdStart.FIRST_SIGN_IN,
            ColdStart.FIRST_PROFILE,
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
}
