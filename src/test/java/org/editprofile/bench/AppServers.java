package org.editprofile.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.editprofile.devtenant.DevTenant;
import org.editprofile.it.ServerDistribution;

/** The Tomcat 11 the benchmark measures, and the lines every report starts with. */
final class AppServers {

  private AppServers() {}

  /**
   * A Tomcat 11 with the WAR, the flight recording when profiling and APP_JVM_OPTS; beside the app,
   * a web app of its own serving the app's static file with no filters and no listeners: what the
   * container alone costs per request.
   */
  static ServerDistribution tomcat(
      Path war, int port, Map<String, String> settings, Path trust, BenchOptions options)
      throws Exception {
    Path alone =
        ServerDistribution.baseFor(ServerDistribution.Kind.TOMCAT, port)
            .resolve("webapps")
            .resolve(BenchRoutes.CONTAINER_ALONE_CONTEXT);
    Files.createDirectories(alone);
    Files.copy(
        Path.of("webapp", "static", "app.css"),
        alone.resolve("app.css"),
        StandardCopyOption.REPLACE_EXISTING);
    List<String> jvm = new ArrayList<>();
    if (options.profile()) {
      jvm.add(
          "-XX:StartFlightRecording=name=bench,settings=profile,jdk.OldObjectSample#enabled=false");
    }
    jvm.addAll(options.appJvmOptions());
    return ServerDistribution.start(
        ServerDistribution.Kind.TOMCAT,
        war,
        port,
        settings,
        trust,
        DevTenant.trustStorePassword(),
        jvm);
  }

  /** The machine the figures come from. */
  static String machine() {
    return String.format(
        Locale.ROOT,
        "Machine: %d cores, %s %s, Java %s (%s). Load generator, app and dev tenant share it.%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"));
  }

  /** The median of the values and their range, each printed with the format. */
  static String medianAndRange(List<Double> values, String format) {
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
}
