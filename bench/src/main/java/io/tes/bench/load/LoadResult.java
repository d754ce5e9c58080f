package io.tes.bench.load;

/**
 * The measured phase of one load run. {@code throughput} counts items (events or rows) per second
 * of successful calls; {@code dropped} counts open-loop requests that were due but never sent
 * before the run's grace period ended, because the system fell too far behind.
 */
public record LoadResult(
    String pacing,
    double targetRate,
    int concurrency,
    double seconds,
    long calls,
    long errors,
    long dropped,
    double throughput,
    LatencySummary latencyMicros,
    String firstError) {}
