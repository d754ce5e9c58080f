package io.tes.bench.scenario;

import java.time.Duration;
import java.util.List;

/**
 * How much of everything a run does. {@link #full()} is the committed benchmark (about four minutes
 * on two cores); {@link #smoke()} runs every code path for a moment, to prove inside the test suite
 * that the benchmark still works, never how fast anything is.
 */
public record Plan(
    String mode,
    Duration warmup,
    Duration duration,
    List<Integer> rates,
    int openLoopConnections,
    int saturationClients,
    int batchSize,
    int batchClients,
    List<String> durabilities,
    int things,
    Duration baselineWarmup,
    Duration baselineDuration,
    List<Integer> lagRates,
    int graphqlClients,
    int startupSamples,
    boolean aotCacheStarts,
    boolean ingestRoleRow,
    Duration idleSettle,
    Duration jitWarmup,
    Duration profileDuration) {

  public static Plan full() {
    return new Plan(
        "full",
        Duration.ofSeconds(2),
        Duration.ofSeconds(8),
        List.of(1_000, 5_000, 10_000),
        128,
        64,
        100,
        16,
        List.of("fsync", "os"),
        1_000,
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        List.of(1_000, 5_000),
        4,
        3,
        true,
        true,
        Duration.ofSeconds(2),
        Duration.ofSeconds(15),
        Duration.ofSeconds(10));
  }

  public static Plan smoke() {
    return new Plan(
        "smoke",
        Duration.ofMillis(100),
        Duration.ofMillis(400),
        List.of(200),
        8,
        8,
        100,
        2,
        List.of("fsync"),
        50,
        Duration.ZERO,
        Duration.ofMillis(200),
        List.of(200),
        2,
        1,
        false,
        false,
        Duration.ofMillis(100),
        Duration.ZERO,
        Duration.ofMillis(400));
  }

  public static Plan named(String mode) {
    return switch (mode) {
      case "full" -> full();
      case "smoke" -> smoke();
      default -> throw new IllegalArgumentException("unknown mode '" + mode + "' (full, smoke)");
    };
  }
}
