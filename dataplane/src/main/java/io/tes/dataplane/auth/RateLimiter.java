package io.tes.dataplane.auth;

import io.tes.dataplane.config.ApiKeyEntry;
import io.tes.dataplane.config.RateLimit;
import io.tes.dataplane.config.TenantConfig;
import io.tes.dataplane.http.ProblemType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Token buckets per API key (by client id), from the key's own limit or the tenant's default. */
public final class RateLimiter {
  private final Map<String, RateLimit> limits = new ConcurrentHashMap<>();
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;

  public RateLimiter(TenantConfig config, LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    RateLimit tenantDefault = config.limits().rateLimit();
    for (ApiKeyEntry key : config.apiKeys()) {
      RateLimit limit = key.rateLimit() != null ? key.rateLimit() : tenantDefault;
      if (limit != null) {
        limits.put(key.clientId(), limit);
      }
    }
  }

  /**
   * Takes one token for the client.
   *
   * @throws io.tes.dataplane.http.ProblemException 429 with the seconds to wait
   */
  public void acquire(Principal principal) {
    RateLimit limit = limits.get(principal.clientId());
    if (limit == null) {
      return;
    }
    TokenBucket bucket =
        buckets.computeIfAbsent(
            principal.clientId(), id -> new TokenBucket(limit, nanoClock.getAsLong()));
    Duration wait = bucket.tryTake(nanoClock.getAsLong());
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw ProblemType.RATE_LIMITED
          .problem(
              "Client '"
                  + principal.clientId()
                  + "' may send "
                  + limit.perSecond()
                  + " requests per second (burst "
                  + limit.burst()
                  + "); retry in "
                  + seconds
                  + " s.")
          .with("retryAfterSeconds", seconds)
          .toException();
    }
  }

  /** A classic token bucket; synchronized because it is tiny and rarely contended per key. */
  static final class TokenBucket {
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    TokenBucket(RateLimit limit, long now) {
      this.perNano = limit.perSecond() / 1e9;
      this.capacity = limit.burst();
      this.tokens = capacity;
      this.last = now;
    }

    /** Zero when a token was taken, else how long until one is available. */
    synchronized Duration tryTake(long now) {
      tokens = Math.min(capacity, tokens + (now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }
  }
}
