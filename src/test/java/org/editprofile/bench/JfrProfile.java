package org.editprofile.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the app's CPU went during one measured phase: the execution samples of a flight recording
 * (started with the server's JVM, so the profiler never disturbs a warm JIT) that fall inside the
 * phase, reduced to the methods that were on the CPU themselves and to the app's own methods with
 * everything they called.
 */
final class JfrProfile {

  private final Map<String, Integer> self = new HashMap<>();
  private final Map<String, Integer> inclusive = new HashMap<>();
  private final Map<String, Integer> libraries = new HashMap<>();
  private int samples;

  private JfrProfile() {}

  static JfrProfile of(Path recording, Instant from, Instant to) throws IOException {
    JfrProfile profile = new JfrProfile();
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (event.getEventType().getName().equals("jdk.ExecutionSample")
          && !event.getStartTime().isBefore(from)
          && event.getStartTime().isBefore(to)) {
        profile.add(event.getStackTrace());
      }
    }
    return profile;
  }

  private void add(RecordedStackTrace stack) {
    if (stack == null || stack.getFrames().isEmpty()) {
      return;
    }
    samples++;
    List<RecordedFrame> frames = stack.getFrames();
    self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
    libraries.merge(library(frames), 1, Integer::sum);
    Set<String> seen = new HashSet<>();
    for (RecordedFrame frame : frames) {
      String name = name(frame.getMethod());
      if (name.startsWith("org.editprofile.") || name.startsWith("org.apache.jsp.")) {
        if (seen.add(name)) {
          inclusive.merge(name, 1, Integer::sum);
        }
      }
    }
  }

  /**
   * Whose code the sample is doing work for: the package (three segments) of the first frame from
   * the top that is not the JDK's own, so TLS or collections code is charged to its caller.
   */
  private static String library(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (!type.matches("^(java|javax|jdk|sun|com\\.sun)\\..*")) {
        String[] parts = type.split("\\.");
        return String.join(".", List.of(parts).subList(0, Math.min(3, parts.length - 1)));
      }
    }
    return "JDK only";
  }

  private static String name(RecordedMethod method) {
    return method.getType().getName() + "." + method.getName();
  }

  /** Markdown: the top methods on the CPU and the app's own methods with their callees. */
  String toMarkdown(String title, int top) {
    StringBuilder out =
        new StringBuilder(
            String.format(Locale.ROOT, "%n### %s (%d execution samples)%n%n", title, samples));
    out.append("| Library whose work it is | % |\n|---|---|\n");
    table(out, libraries, top);
    out.append("\n| On the CPU (self) | % |\n|---|---|\n");
    table(out, self, top);
    out.append("\n| The app's methods, with what they call | % |\n|---|---|\n");
    table(out, inclusive, top);
    return out.toString();
  }

  private void table(StringBuilder out, Map<String, Integer> counts, int top) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "| `%s` | %.1f |%n",
                        e.getKey(),
                        100.0 * e.getValue() / Math.max(samples, 1))));
  }
}
