package io.tes.bench.report;

import java.util.List;

/**
 * Start-up and memory of the data plane, started as scripts/run starts it (no -Xmx: the JVM picks
 * its defaults from the machine's memory). Idle RSS is read shortly after ready, before any
 * request; peak RSS is the high-water mark after the load runs.
 */
public record Footprint(
    List<Double> startToReadyMillis,
    double medianStartToReadyMillis,
    double idleRssMb,
    double peakRssMbUnderLoad,
    double rssAfterLoadMb,
    String command) {}
