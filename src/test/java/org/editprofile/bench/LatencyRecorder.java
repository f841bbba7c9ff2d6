package org.editprofile.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/** Request latencies in 10 µs buckets up to 1 s, so percentiles need no per-request allocation. */
final class LatencyRecorder {

  private static final int BUCKET_NANOS = 10_000;
  private static final int BUCKETS = 100_000;
  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);

  void record(long nanos) {
    int bucket = (int) Math.min(BUCKETS, nanos / BUCKET_NANOS);
    counts.incrementAndGet(bucket);
  }

  long total() {
    long sum = 0;
    for (int i = 0; i <= BUCKETS; i++) {
      sum += counts.get(i);
    }
    return sum;
  }

  /** The latency in milliseconds below which this fraction of requests completed. */
  double percentileMillis(double fraction) {
    long target = (long) Math.ceil(total() * fraction);
    long seen = 0;
    for (int i = 0; i <= BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= target && target > 0) {
        return (i + 1) * BUCKET_NANOS / 1_000_000.0;
      }
    }
    return Double.NaN;
  }
}
