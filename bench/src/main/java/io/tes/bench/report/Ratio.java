package io.tes.bench.report;

/**
 * TES against one baseline measured in the same run: throughput TES / baseline (above 1: TES is
 * faster) and p50 and p99 latency TES / baseline (below 1: TES answers sooner).
 */
public record Ratio(
    String tes,
    String baseline,
    String meaning,
    double throughput,
    double p50Latency,
    double p99Latency) {}
