package org.editprofile.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time consumed so far, in nanoseconds, by one side of the benchmark. Read it before and after
 * a phase and divide the difference by the requests served: CPU per request.
 */
@FunctionalInterface
interface CpuMeter {

  long nanos();

  /**
   * A whole process from {@code /proc/<pid>/stat} (user + system time of all its threads: request
   * threads, JIT and GC alike), in clock ticks of {@code getconf CLK_TCK}.
   */
  static CpuMeter process(long pid) {
    return processTimes(pid, true);
  }

  /**
   * The system (kernel) part of {@link #process}: the sockets, the thread wake-ups and the page
   * faults the process asked the kernel for, which a Java profiler's samples never show.
   */
  static CpuMeter processKernel(long pid) {
    return processTimes(pid, false);
  }

  private static CpuMeter processTimes(long pid, boolean withUser) {
    long nanosPerTick = 1_000_000_000L / clockTicksPerSecond();
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    return () -> {
      try {
        return ticks(Files.readString(stat, StandardCharsets.US_ASCII), withUser) * nanosPerTick;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** System time, and user time if asked, from a {@code stat} line of a process or a thread. */
  private static long ticks(String statLine, boolean withUser) {
    // The command name (field 2) may contain spaces; fields after its closing parenthesis are
    // fixed: state is field 3, utime 14 and stime 15.
    String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
    long user = withUser ? Long.parseLong(fields[11]) : 0;
    return user + Long.parseLong(fields[12]);
  }

  /**
   * The threads of another process whose name (as {@code /proc/<pid>/task/<tid>/comm} shows it, cut
   * to 15 characters) starts with one of the prefixes: e.g. its JIT compiler threads. Threads that
   * ended are not counted.
   */
  static CpuMeter processThreads(long pid, List<String> namePrefixes) {
    long nanosPerTick = 1_000_000_000L / clockTicksPerSecond();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    return () -> {
      long ticks = 0;
      try (var each = Files.list(tasks)) {
        for (Path task : (Iterable<Path>) each::iterator) {
          ticks += threadTicks(task, namePrefixes);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return ticks * nanosPerTick;
    };
  }

  private static long threadTicks(Path task, List<String> namePrefixes) {
    try {
      String name = Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).strip();
      if (namePrefixes.stream().noneMatch(name::startsWith)) {
        return 0;
      }
      return ticks(Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII), true);
    } catch (IOException e) {
      return 0; // the thread ended meanwhile
    }
  }

  /**
   * The threads of this JVM whose name starts with one of the prefixes: the dev tenant runs inside
   * the benchmark's own JVM, so its share is the CPU of its request threads and its HTTP dispatcher
   * (without this JVM's GC and JIT, so it is a lower bound).
   */
  static CpuMeter threads(List<String> namePrefixes) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return () -> {
      long total = 0;
      for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info != null && namePrefixes.stream().anyMatch(info.getThreadName()::startsWith)) {
          long cpu = threads.getThreadCpuTime(info.getThreadId());
          total += Math.max(cpu, 0);
        }
      }
      return total;
    };
  }

  /** The dev tenant's request threads in this JVM (it runs beside the load generator). */
  static CpuMeter devTenant() {
    return threads(List.of("dev-tenant", "HTTP-Dispatcher"));
  }

  /**
   * The whole machine's busy time, all cores added (user, nice, system, irq and softirq from the
   * first line of {@code /proc/stat}). Divided by a phase's length times the cores, it says whether
   * the phase was bound by CPU at all: a route that leaves cores idle waits on something else.
   */
  static CpuMeter machine() {
    long nanosPerTick = 1_000_000_000L / clockTicksPerSecond();
    Path stat = Path.of("/proc/stat");
    return () -> {
      try {
        String cpu = Files.readAllLines(stat, StandardCharsets.US_ASCII).get(0);
        String[] fields = cpu.trim().split("\\s+");
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7}) {
          busy += Long.parseLong(fields[field]);
        }
        return busy * nanosPerTick;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private static long clockTicksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      getconf.waitFor();
      return Long.parseLong(out.trim());
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
