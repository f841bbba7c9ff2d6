package org.editprofile.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.editprofile.bench.BenchRoutes.Route;
import org.editprofile.bench.BenchRoutes.Session;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.devtenant.launch.EmbeddedTomcat;
import org.editprofile.it.ServerDistribution;

/**
 * This build against another (COMPARE_WAR), both on a Tomcat 11 of their own at once, same dev
 * tenant: each route is loaded at 16 connections on one and then on the other, in alternating
 * order, round after round, and each round's pair of CPU figures is compared. On shared cores a
 * single run's figures drift by a third from one run to the next; the drift falls on both builds of
 * a pair alike, so their ratio holds steadier than either figure.
 */
final class SideBySide {

  private final DevTenant tenant;
  private final Path trust;
  private final BenchOptions options;

  SideBySide(DevTenant tenant, Path trust, BenchOptions options) {
    this.tenant = tenant;
    this.trust = trust;
    this.options = options;
  }

  /** The comparison of this build on {@code url} with the other WAR; the report. */
  String run(Path otherWar, int port, Map<String, String> settings, String url) throws Exception {
    int otherPort = EmbeddedTomcat.freePort();
    while (otherPort == port) {
      otherPort = EmbeddedTomcat.freePort();
    }
    String otherUrl = "http://127.0.0.1:" + otherPort;
    tenant.registerWebApp(otherUrl + "/auth/redirect", otherUrl + "/");
    try (ServerDistribution other =
            AppServers.tomcat(
                otherWar, otherPort, EmbeddedTomcat.settingsFor(tenant, otherUrl), trust, options);
        ServerDistribution current =
            AppServers.tomcat(EmbeddedTomcat.builtWar(), port, settings, trust, options)) {
      LoadClient[] builds = {
        new LoadClient(tenant, otherUrl, options.phase()),
        new LoadClient(tenant, url, options.phase())
      };
      AppJvm[] apps = {new AppJvm(other.pid()), new AppJvm(current.pid())};
      List<List<Session>> sessions = new ArrayList<>();
      for (LoadClient build : builds) {
        List<Session> signedIn = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          signedIn.add(build.signIn("Bench User " + i, true));
        }
        sessions.add(signedIn);
      }
      Map<String, Route> routes = BenchRoutes.compared(options.compareRoutes());
      for (int round = 0; round < 2; round++) {
        for (Route route : routes.values()) {
          for (int b = 0; b < 2; b++) {
            builds[b].warm(route, sessions.get(b), 16, options.phase().dividedBy(2));
          }
        }
      }
      StringBuilder report = new StringBuilder(header(otherWar));
      for (Map.Entry<String, Route> route : routes.entrySet()) {
        for (int b = 0; b < 2; b++) {
          builds[b].warmUntilCompiled(
              route.getValue(), sessions.get(b), 16, apps[b].all(), apps[b].jit());
        }
        String line = rounds(route.getKey(), route.getValue(), builds, apps, sessions);
        System.out.print(line);
        report.append(line);
      }
      return report.toString();
    }
  }

  /** The rounds of one route, the two builds' turns alternating; its row of the table. */
  private String rounds(
      String name, Route route, LoadClient[] builds, AppJvm[] apps, List<List<Session>> sessions)
      throws Exception {
    List<Double> otherMicros = new ArrayList<>();
    List<Double> thisMicros = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    long errors = 0;
    for (int round = 0; round < options.compareRounds(); round++) {
      double[] micros = new double[2];
      for (int turn = 0; turn < 2; turn++) {
        int b = (round + turn) % 2;
        LatencyRecorder latency = new LatencyRecorder();
        AtomicLong failed = new AtomicLong();
        long cpu0 = apps[b].all().nanos();
        builds[b].load(route, sessions.get(b), 16, options.phase(), latency, failed);
        micros[b] = (apps[b].all().nanos() - cpu0) / 1e3 / Math.max(latency.total(), 1);
        errors += failed.get();
      }
      otherMicros.add(micros[0]);
      thisMicros.add(micros[1]);
      ratios.add(micros[1] / micros[0]);
    }
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %s | %d |%n",
        name,
        AppServers.medianAndRange(otherMicros, "%.0f"),
        AppServers.medianAndRange(thisMicros, "%.0f"),
        AppServers.medianAndRange(ratios, "%.2f"),
        errors);
  }

  private String header(Path otherWar) {
    return "# Load benchmark: this build against another, side by side\n\n"
        + "This build: `"
        + EmbeddedTomcat.builtWar()
        + "`; the other: `"
        + otherWar
        + "`. App CPU µs per request at 16 connections, "
        + options.compareRounds()
        + " rounds of "
        + options.phase().toMillis()
        + " ms on each, the two builds' turns alternating in order.\n\n"
        + "| Route | the other: median (range) | this build: median (range) | this / the"
        + " other, median of the rounds' ratios (range) | errors |\n"
        + "|---|---|---|---|---|\n";
  }
}
