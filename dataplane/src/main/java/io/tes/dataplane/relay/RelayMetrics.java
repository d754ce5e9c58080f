package io.tes.dataplane.relay;

import java.util.function.LongSupplier;

/** What the relay reports: published and duplicate counts, and a live backlog gauge. */
public interface RelayMetrics {
  void published(int events);

  void duplicate();

  /** Registers the backlog (committed but not yet acknowledged events). */
  void track(LongSupplier backlog);
}
