package org.editprofile.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app server's JVM seen from outside: its CPU (all of it, its request threads', its JIT
 * compilers'), its class loading and its live heap, through /proc and the JDK's tools.
 */
record AppJvm(long pid, CpuMeter all, CpuMeter requests, CpuMeter jit) {

  AppJvm(long pid) {
    this(
        pid,
        CpuMeter.process(pid),
        CpuMeter.processThreads(pid, List.of("http-")),
        CpuMeter.processThreads(pid, List.of("C1 CompilerThre", "C2 CompilerThre")));
  }

  /** Its CPU in the kernel alone. */
  CpuMeter kernel() {
    return CpuMeter.processKernel(pid);
  }

  /**
   * Classes loaded so far and the JVM's time spent loading them, from {@code jstat -class} (which
   * reads the JVM's performance counters without attaching to it).
   */
  long[] classesAndLoadingMillis() throws IOException {
    try {
      String[] lines = run(tool("jstat"), "-class", Long.toString(pid)).strip().split("\n");
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

  /** Bytes of live objects in the heap (jmap's histogram of live objects forces a full GC). */
  long heapUsedAfterGc() throws IOException, InterruptedException {
    String histogram = run(tool("jmap"), "-histo:live", Long.toString(pid));
    Matcher total = Pattern.compile("Total\\s+\\d+\\s+(\\d+)").matcher(histogram);
    if (!total.find()) {
      throw new IOException("unexpected jmap output:\n" + histogram);
    }
    return Long.parseLong(total.group(1));
  }

  /** Live objects per class (instances, bytes), from the same histogram. */
  Map<String, long[]> liveClasses() throws IOException, InterruptedException {
    Map<String, long[]> classes = new LinkedHashMap<>();
    Matcher row =
        Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)")
            .matcher(run(tool("jmap"), "-histo:live", Long.toString(pid)));
    while (row.find()) {
      classes.merge(
          row.group(3),
          new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
          (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
    }
    return classes;
  }

  /** The classes whose live bytes grew the most between two histograms, per user added. */
  static String growth(Map<String, long[]> before, Map<String, long[]> after, int users) {
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

  /** Dumps the flight recording started with the JVM to the file. */
  void dumpRecording(Path recording) throws IOException, InterruptedException {
    run(tool("jcmd"), Long.toString(pid), "JFR.dump", "name=bench", "filename=" + recording);
  }

  private static String tool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output;
  }
}
