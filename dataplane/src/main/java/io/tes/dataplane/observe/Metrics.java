package io.tes.dataplane.observe;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tes.dataplane.log.LogMetrics;

/**
 * The data plane's Prometheus meters, in one registry per data plane (no global state, so tests can
 * run several data planes in one JVM).
 */
public final class Metrics implements LogMetrics {
  /** Seconds, from 50 microseconds to 10 seconds: ingest lives at the low end. */
  private static final double[] LATENCY_BOUNDS = {
    0.00005, 0.0001, 0.00025, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.003, 0.005, 0.0075, 0.01,
    0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Histogram ingestDuration;
  private final Counter ingestRequests;
  private final Counter eventsAppended;
  private final Histogram groupCommitDuration;
  private final Histogram groupCommitRequests;

  public Metrics(String tenant) {
    JvmMetrics.builder().register(registry);
    ingestDuration =
        Histogram.builder()
            .name("tes_ingest_duration_seconds")
            .help("Time from request received to answer, for POST /v1/events")
            .labelNames("mode")
            .classicOnly()
            .classicUpperBounds(LATENCY_BOUNDS)
            .register(registry);
    ingestRequests =
        Counter.builder()
            .name("tes_ingest_requests")
            .help("Ingest requests by outcome (created, duplicate, or the problem type)")
            .labelNames("outcome")
            .register(registry);
    eventsAppended =
        Counter.builder()
            .name("tes_events_appended")
            .help("Events newly stored in the log of tenant " + tenant)
            .register(registry);
    groupCommitDuration =
        Histogram.builder()
            .name("tes_log_commit_duration_seconds")
            .help("Duration of one group commit, fsync included")
            .classicOnly()
            .classicUpperBounds(LATENCY_BOUNDS)
            .register(registry);
    groupCommitRequests =
        Histogram.builder()
            .name("tes_log_commit_group_requests")
            .help("Requests committed together in one transaction")
            .classicOnly()
            .classicUpperBounds(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)
            .register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  public void ingested(String mode, String outcome, long nanos) {
    ingestDuration.labelValues(mode).observe(nanos / 1e9);
    ingestRequests.labelValues(outcome).inc();
  }

  @Override
  public void groupCommitted(int requests, int events, long nanos) {
    eventsAppended.inc(events);
    groupCommitDuration.observe(nanos / 1e9);
    groupCommitRequests.observe(requests);
  }
}
