package org.editprofile.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark's knobs, read once from the system properties bench/run.sh sets from its
 * environment (bench/README.md has the table).
 *
 * @param phase how long each measured phase lasts (PHASE_MILLIS)
 * @param heapUsers users signed in to weigh the heap per user (HEAP_USERS)
 * @param out where the report goes
 * @param profile whether the app runs with a flight recording (PROFILE)
 * @param steadyState whether part 1 runs (MAIN)
 * @param coldOnly whether part 1 stops after the cold start (COLD_ONLY)
 * @param thinkMillis the cold-start customers' pause on the home page (THINK_MILLIS)
 * @param appJvmOptions extra options for the app server's JVM (APP_JVM_OPTS)
 * @param storeComparison whether part 3 runs (STORE)
 * @param storeUsers users signed in with their sessions in Redis (STORE_USERS)
 * @param compareWar another build to run side by side with this one (COMPARE_WAR)
 * @param compareRounds rounds of the side-by-side comparison (COMPARE_ROUNDS)
 * @param compareRoutes parts of the route names the comparison keeps; empty: all (COMPARE_ROUTES)
 */
record BenchOptions(
    Duration phase,
    int heapUsers,
    Path out,
    boolean profile,
    boolean steadyState,
    boolean coldOnly,
    long thinkMillis,
    List<String> appJvmOptions,
    boolean storeComparison,
    int storeUsers,
    Optional<Path> compareWar,
    int compareRounds,
    List<String> compareRoutes) {

  static BenchOptions fromSystemProperties() {
    return new BenchOptions(
        Duration.ofMillis(Long.getLong("bench.phaseMillis", 10_000)),
        Integer.getInteger("bench.heapUsers", 500),
        Path.of(System.getProperty("bench.out", "target/bench/results.md")),
        flag("bench.profile", true),
        flag("bench.main", true),
        flag("bench.coldOnly", false),
        Long.getLong("bench.thinkMillis", 0),
        list(System.getProperty("bench.appJvm", ""), "\\s+"),
        flag("bench.store", true),
        Integer.getInteger("bench.storeUsers", 10_000),
        Optional.of(System.getProperty("bench.compareWar", "").strip())
            .filter(war -> !war.isEmpty())
            .map(Path::of),
        Integer.getInteger("bench.compareRounds", 7),
        list(System.getProperty("bench.compareRoutes", ""), ","));
  }

  private static boolean flag(String name, boolean otherwise) {
    return Boolean.parseBoolean(System.getProperty(name, Boolean.toString(otherwise)));
  }

  private static List<String> list(String value, String separator) {
    return Arrays.stream(value.split(separator))
        .map(String::strip)
        .filter(part -> !part.isEmpty())
        .toList();
  }
}
