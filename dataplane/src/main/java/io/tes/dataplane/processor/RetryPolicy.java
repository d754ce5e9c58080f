package io.tes.dataplane.processor;

import java.time.Duration;

/**
 * How often an event a processor throws on is tried before it becomes a dead letter, and how long
 * to wait between tries (doubling each time).
 *
 * @param attempts tries in all, at least 1
 * @param firstBackoff wait before the second try
 * @param maxBackoff longest wait between tries
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(50), Duration.ofSeconds(2));

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }

  /** The wait after the given failed try (1-based). */
  public Duration backoffAfter(int attempt) {
    long millis = firstBackoff.toMillis() << Math.min(20, attempt - 1);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
