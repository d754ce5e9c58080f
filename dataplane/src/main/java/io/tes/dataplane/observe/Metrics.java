package io.tes.dataplane.observe;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tes.dataplane.log.LogMetrics;
import io.tes.dataplane.log.StoredEvent;
import io.tes.dataplane.processor.ProcessorMetrics;
import io.tes.dataplane.relay.RelayMetrics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The data plane's Prometheus meters, in one registry per data plane (no global state, so tests can
 * run several data planes in one JVM).
 */
public final class Metrics implements LogMetrics, RelayMetrics, ProcessorMetrics {
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
  private final Counter relayPublished;
  private final Counter relayDuplicates;
  private final Counter processorApplied;
  private final Histogram projectionLag;
  private final Counter deadLetters;

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
    relayPublished =
        Counter.builder()
            .name("tes_relay_published")
            .help("Events the outbox relay published and JetStream acknowledged")
            .register(registry);
    relayDuplicates =
        Counter.builder()
            .name("tes_relay_duplicates")
            .help("Publishes JetStream recognised as duplicates (harmless re-sends)")
            .register(registry);
    processorApplied =
        Counter.builder()
            .name("tes_processor_applied")
            .help("Events applied by each processor")
            .labelNames("processor")
            .register(registry);
    projectionLag =
        Histogram.builder()
            .name("tes_projection_lag_seconds")
            .help("Time from an event's commit to the log to its application by a processor")
            .labelNames("processor")
            .classicOnly()
            .classicUpperBounds(LATENCY_BOUNDS)
            .register(registry);
    deadLetters =
        Counter.builder()
            .name("tes_dead_letters")
            .help("Events a processor gave up on and recorded as dead letters")
            .labelNames("processor")
            .register(registry);
  }

  /** Registers a gauge read at each scrape. */
  public void gauge(String name, String help, LongSupplier value) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .callback(callback -> callback.call(value.getAsLong()))
        .register(registry);
  }

  /** A gauge of open dead letters per processor, counted at each scrape. */
  public void openDeadLetters(List<String> processors, ToLongFunction<String> count) {
    GaugeWithCallback.builder()
        .name("tes_dead_letters_open")
        .help("Dead letters not yet resolved, by processor")
        .labelNames("processor")
        .callback(callback -> processors.forEach(p -> callback.call(count.applyAsLong(p), p)))
        .register(registry);
  }

  @Override
  public void published(int events) {
    relayPublished.inc(events);
  }

  @Override
  public void duplicate() {
    relayDuplicates.inc();
  }

  @Override
  public void track(LongSupplier backlog) {
    gauge("tes_relay_backlog", "Events committed to the log but not yet in JetStream", backlog);
  }

  @Override
  public void applied(String processor, int events) {
    processorApplied.labelValues(processor).inc(events);
  }

  @Override
  public void lag(String processor, StoredEvent event, long appliedAtMicros) {
    long committed = ChronoUnit.MICROS.between(Instant.EPOCH, event.recordedAt());
    projectionLag.labelValues(processor).observe(Math.max(0, appliedAtMicros - committed) / 1e6);
  }

  @Override
  public void deadLettered(String processor) {
    deadLetters.labelValues(processor).inc();
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
