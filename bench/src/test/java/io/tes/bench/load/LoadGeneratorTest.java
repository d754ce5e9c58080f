package io.tes.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The generator's contract, checked with a fake client: open-loop latency counts from the intended
 * send time, so one stall is charged to every request it delayed. Only lower bounds are asserted: a
 * busy machine can make latencies larger, never smaller than the stall.
 */
class LoadGeneratorTest {

  @Test
  void openLoopChargesAStallToEveryRequestItDelayed() throws Exception {
    var stalled = new AtomicBoolean();
    Client.Factory stallOnce =
        () ->
            () -> {
              if (stalled.compareAndSet(false, true)) {
                Thread.sleep(300);
              }
            };
    var spec = LoadSpec.of(new Pacing.OpenLoop(1_000, 1), Duration.ZERO, Duration.ofMillis(1_000));

    LoadResult result = new LoadGenerator().run(spec, stallOnce);

    // About 300 of the 1,000 requests were due during the stall: the slowest tenth waited long.
    assertThat(result.latencyMicros().max()).isGreaterThanOrEqualTo(250_000);
    assertThat(result.latencyMicros().p90()).isGreaterThanOrEqualTo(50_000);
    assertThat(result.calls() + result.dropped()).isEqualTo(1_000);
    assertThat(result.errors()).isZero();
  }

  @Test
  void closedLoopCountsItemsPerCallAndErrors() throws Exception {
    var calls = new AtomicLong();
    Client.Factory everyThirdFails =
        () ->
            () -> {
              Thread.sleep(1);
              if (calls.incrementAndGet() % 3 == 0) {
                throw new IllegalStateException("refused");
              }
            };
    var spec =
        LoadSpec.of(new Pacing.ClosedLoop(2), Duration.ZERO, Duration.ofMillis(300))
            .withItemsPerCall(100);

    LoadResult result = new LoadGenerator().run(spec, everyThirdFails);

    assertThat(result.calls()).isPositive();
    assertThat(result.errors()).isPositive();
    assertThat(result.firstError()).contains("refused");
    assertThat(result.throughput())
        .isCloseTo(result.calls() * 100 / result.seconds(), within(1e-6));
  }
}
