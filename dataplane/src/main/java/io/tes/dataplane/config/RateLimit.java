package io.tes.dataplane.config;

/**
 * A token bucket: {@code perSecond} requests refill per second, at most {@code burst} saved up.
 *
 * @param perSecond sustained rate
 * @param burst bucket size; defaults to twice the rate (at least one)
 */
public record RateLimit(double perSecond, Integer burst) {
  public RateLimit {
    if (burst == null) {
      burst = (int) Math.max(1, Math.ceil(perSecond * 2));
    }
  }
}
