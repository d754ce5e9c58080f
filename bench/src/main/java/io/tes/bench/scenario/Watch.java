package io.tes.bench.scenario;

import io.tes.bench.dataplane.PrometheusText;
import io.tes.bench.env.ProcessStats;
import io.tes.bench.load.LoadGenerator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Takes readings around a measured phase: CPU used by the server and by this process (the load
 * generator; for in-process baselines also the database), and, for the data plane, what its
 * Prometheus metrics say about the phase.
 */
final class Watch implements LoadGenerator.Observer {
  private final Supplier<Duration> serverCpu;
  private final Supplier<PrometheusText> metrics;
  private final Function<Delta, Map<String, Object>> fromMetrics;
  private final long self = ProcessHandle.current().pid();
  private final Map<String, Object> extra = new LinkedHashMap<>();
  private long startNanos;
  private Duration serverCpuStart;
  private Duration selfCpuStart;
  private PrometheusText metricsStart;

  /** Two scrapes of the data plane's metrics: at the start and at the end of the phase. */
  record Delta(PrometheusText before, PrometheusText after) {}

  Watch(
      Supplier<Duration> serverCpu,
      Supplier<PrometheusText> metrics,
      Function<Delta, Map<String, Object>> fromMetrics) {
    this.serverCpu = serverCpu;
    this.metrics = metrics;
    this.fromMetrics = fromMetrics;
  }

  static Watch cpuOnly(Supplier<Duration> serverCpu) {
    return new Watch(serverCpu, null, null);
  }

  @Override
  public void measuring() {
    metricsStart = metrics == null ? null : metrics.get();
    serverCpuStart = serverCpu == null ? null : serverCpu.get();
    selfCpuStart = ProcessStats.cpuTime(self);
    startNanos = System.nanoTime();
  }

  @Override
  public void measured() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    if (serverCpu != null) {
      extra.put("serverCpuPercent", percent(serverCpu.get().minus(serverCpuStart), seconds));
    }
    extra.put(
        "benchProcessCpuPercent", percent(ProcessStats.cpuTime(self).minus(selfCpuStart), seconds));
    if (metrics != null && metricsStart != null) {
      extra.putAll(fromMetrics.apply(new Delta(metricsStart, metrics.get())));
    }
  }

  /** CPU time as a percentage of one core over the phase (200% = both cores of this machine). */
  private static double percent(Duration cpu, double seconds) {
    return Math.round(cpu.toNanos() / 1e9 / seconds * 1000) / 10.0;
  }

  Map<String, Object> extra() {
    return extra;
  }
}
