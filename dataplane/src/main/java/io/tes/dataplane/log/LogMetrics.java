package io.tes.dataplane.log;

/** What the log reports about itself; implemented by the metrics of the data plane. */
public interface LogMetrics {
  /** A group commit finished: how many requests, how many new events, how long it took. */
  void groupCommitted(int requests, int events, long nanos);

  LogMetrics NONE = (requests, events, nanos) -> {};
}
