package io.tes.dataplane.config;

/**
 * Size and rate limits of the tenant.
 *
 * @param maxEventBytes largest single event (attributes and data)
 * @param maxBatchBytes largest request body
 * @param maxBatchEvents most events in one batch
 * @param rateLimit default per-key rate limit, or null for none
 */
public record Limits(
    Integer maxEventBytes, Integer maxBatchBytes, Integer maxBatchEvents, RateLimit rateLimit) {
  public static final Limits DEFAULT = new Limits(null, null, null, null);

  public Limits {
    maxEventBytes = maxEventBytes == null ? 256 * 1024 : maxEventBytes;
    maxBatchBytes = maxBatchBytes == null ? 4 * 1024 * 1024 : maxBatchBytes;
    maxBatchEvents = maxBatchEvents == null ? 1000 : maxBatchEvents;
  }
}
