package io.tes.operator.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.source.controller.ResourceEvent;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;

/** JOSDK's reconcile life cycle as Prometheus metrics, in a registry of its own. */
public final class OperatorMetrics implements Metrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter reconciliations;
  private final Counter failures;
  private final Counter events;
  private final Histogram duration;

  public OperatorMetrics() {
    reconciliations =
        Counter.builder()
            .name("tes_operator_reconciliations_total")
            .help("Reconciliations started")
            .register(registry);
    failures =
        Counter.builder()
            .name("tes_operator_reconciliation_failures_total")
            .help("Reconciliations that threw")
            .register(registry);
    events =
        Counter.builder()
            .name("tes_operator_events_total")
            .help("Events (watch notifications, timers) received, by source kind")
            .labelNames("kind")
            .register(registry);
    duration =
        Histogram.builder()
            .name("tes_operator_reconcile_duration_seconds")
            .help("Time of one reconcile or cleanup, by controller and outcome")
            .labelNames("controller", "execution", "outcome")
            .register(registry);
    JvmMetrics.builder().register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  @Override
  public void receivedEvent(Event event, Map<String, Object> metadata) {
    events.labelValues(event instanceof ResourceEvent ? "resource" : "other").inc();
  }

  @Override
  public void reconcileCustomResource(
      HasMetadata resource,
      io.javaoperatorsdk.operator.api.reconciler.RetryInfo retryInfo,
      Map<String, Object> metadata) {
    reconciliations.inc();
  }

  @Override
  public void failedReconciliation(
      HasMetadata resource, Exception exception, Map<String, Object> metadata) {
    failures.inc();
  }

  @Override
  public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
    long start = System.nanoTime();
    var outcome = "failure";
    try {
      var result = execution.execute();
      outcome = execution.successTypeName(result);
      return result;
    } finally {
      duration
          .labelValues(execution.controllerName(), execution.name(), outcome)
          .observe((System.nanoTime() - start) / 1e9);
    }
  }
}
