package io.tes.dataplane.graphql;

import io.tes.dataplane.auth.Principal;
import java.time.Duration;

/**
 * What fetchers know about the request they serve, kept in the GraphQL context.
 *
 * @param principal the caller
 * @param deadlineNanos {@link System#nanoTime()} by which the request must end (for bounded waits)
 */
public record RequestContext(Principal principal, long deadlineNanos) {
  public static RequestContext of(Principal principal, Duration timeout) {
    return new RequestContext(principal, System.nanoTime() + timeout.toNanos());
  }

  /** A context for a subscription, which runs until it is completed. */
  public static RequestContext unbounded(Principal principal) {
    return new RequestContext(principal, Long.MAX_VALUE);
  }

  /** Time left before the deadline, never negative. */
  public Duration remaining() {
    if (deadlineNanos == Long.MAX_VALUE) {
      return Duration.ofSeconds(30);
    }
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }
}
