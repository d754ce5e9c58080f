package io.tes.bench.report;

import java.util.List;

/**
 * Start-up and memory of the data plane, started as scripts/run starts it (no -Xmx: the JVM picks
 * its defaults from the machine's memory). Idle RSS is read shortly after ready, before any
 * request; peak RSS is the high-water mark after the load runs. The AOT-cache starts show what JDK
 * 25's ahead-of-time class loading and linking cache (a training start, then {@code -XX:AOTCache})
 * would save; empty on an older JDK.
 */
public record Footprint(
    List<Double> startToReadyMillis,
    double medianStartToReadyMillis,
    List<Double> startToReadyWithAotCacheMillis,
    double medianStartToReadyWithAotCacheMillis,
    double idleRssMb,
    double peakRssMbUnderLoad,
    double rssAfterLoadMb,
    String command) {}
