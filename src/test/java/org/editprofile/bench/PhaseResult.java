package org.editprofile.bench;

import java.util.List;

/**
 * One measured phase: a route at a number of connections, its throughput and latency, and the CPU
 * each side spent per request (µs); zero where the phase did not measure it.
 */
record PhaseResult(
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
    double machineBusy) {

  /** Throughput and latency alone. */
  static PhaseResult timing(
      String route, int connections, long elapsedNanos, LatencyRecorder latency, long errors) {
    long total = Math.max(1, latency.total());
    return new PhaseResult(
        route,
        connections,
        total * 1e9 / elapsedNanos,
        latency.percentileMillis(0.5),
        latency.percentileMillis(0.9),
        latency.percentileMillis(0.99),
        errors,
        total,
        0,
        0,
        0,
        0,
        0,
        0,
        0);
  }

  static PhaseResult find(List<PhaseResult> results, String route, int connections) {
    return results.stream()
        .filter(r -> r.route().equals(route) && r.connections() == connections)
        .findFirst()
        .orElseThrow();
  }
}
