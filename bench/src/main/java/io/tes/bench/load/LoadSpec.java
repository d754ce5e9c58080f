package io.tes.bench.load;

import java.time.Duration;

/**
 * One load run: its pacing, a warm-up whose results are thrown away (the JIT and the page cache
 * settle in it), the measured duration, and how many items (events, rows) one call carries.
 */
public record LoadSpec(Pacing pacing, Duration warmup, Duration duration, int itemsPerCall) {

  public LoadSpec {
    if (itemsPerCall < 1) {
      throw new IllegalArgumentException("itemsPerCall must be >= 1");
    }
  }

  public static LoadSpec of(Pacing pacing, Duration warmup, Duration duration) {
    return new LoadSpec(pacing, warmup, duration, 1);
  }

  public LoadSpec withItemsPerCall(int items) {
    return new LoadSpec(pacing, warmup, duration, items);
  }
}
