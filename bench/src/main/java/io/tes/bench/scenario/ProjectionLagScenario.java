package io.tes.bench.scenario;

import io.tes.bench.dataplane.BenchEvents;
import io.tes.bench.dataplane.IngestClient;
import io.tes.bench.dataplane.PrometheusText;
import io.tes.bench.env.LoadAverage;
import io.tes.bench.env.ProcessStats;
import io.tes.bench.http.HttpAnswer;
import io.tes.bench.http.HttpConnection;
import io.tes.bench.http.Transport;
import io.tes.bench.load.LoadGenerator;
import io.tes.bench.load.LoadResult;
import io.tes.bench.load.LoadSpec;
import io.tes.bench.load.Pacing;
import io.tes.bench.report.Row;
import io.tes.bench.report.RowLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scenario 3: projection lag (commit to applied) while single events arrive at fixed rates. Two
 * views: the client's (receipt to readable, from {@link LagProbe}; the row's percentiles) and the
 * server's own {@code tes_projection_lag_seconds} histogram over the same phase (in extra). Reports
 * "unavailable" while the data plane has no projection endpoint.
 */
final class ProjectionLagScenario {
  private static final String LAG_METRIC = "tes_projection_lag_seconds";
  private static final String PROJECTOR = "processor=\"projector\"";
  private static final int PROBES_PER_SECOND = 200;

  private final Plan plan;
  private final RowLog rows;

  ProjectionLagScenario(Plan plan, RowLog rows) {
    this.plan = plan;
    this.rows = rows;
  }

  void run(TesTarget target, BenchEvents events) {
    String missing = unavailableBecause(target, events);
    for (int rate : plan.lagRates()) {
      var key =
          new Row.Key(
              "tes.projection-lag." + target.durability() + "." + rate + "/s",
              "3 projection lag",
              "TES",
              "receipt to readable at position",
              target.durability(),
              "events/s");
      rows.add(
          missing != null
              ? key.notMeasured(Row.UNAVAILABLE, missing)
              : measure(target, events, key, rate));
    }
  }

  private Row measure(TesTarget target, BenchEvents events, Row.Key key, int rate) {
    var at = LoadAverage.now();
    long pid = target.process().pid();
    var watch =
        new Watch(
            () -> ProcessStats.cpuTime(pid), target::scrape, ProjectionLagScenario::serverLag);
    try {
      var probe = new LagProbe(target, Math.max(1, rate / PROBES_PER_SECOND), watch);
      var spec =
          LoadSpec.of(
              new Pacing.OpenLoop(rate, plan.openLoopConnections()),
              plan.warmup(),
              plan.duration());
      LoadResult ingest =
          new LoadGenerator()
              .run(
                  spec,
                  () -> new IngestClient(target.connect(Transport.RAW), events, 1, probe),
                  probe);
      var extra = new LinkedHashMap<String, Object>(watch.extra());
      extra.put("ingestLatencyMicros", ingest.latencyMicros());
      extra.put("probeErrors", probe.errors());
      extra.put("probesSkipped", probe.skipped());
      var lag =
          new LoadResult(
              ingest.pacing(),
              ingest.targetRate(),
              ingest.concurrency(),
              ingest.seconds(),
              ingest.calls(),
              ingest.errors() + probe.errors(),
              ingest.dropped(),
              ingest.throughput(),
              probe.summary(),
              ingest.firstError() != null ? ingest.firstError() : probe.firstError());
      return key.measured(lag, extra, at);
    } catch (Exception e) {
      return key.notMeasured(Row.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Map<String, Object> serverLag(Watch.Delta d) {
    var buckets = d.after().bucketDelta(d.before(), LAG_METRIC, PROJECTOR);
    var lag = new java.util.TreeMap<String, Object>();
    for (var q : Map.of("p50", 0.5, "p90", 0.9, "p99", 0.99, "p999", 0.999).entrySet()) {
      double seconds = PrometheusText.quantile(buckets, q.getValue());
      lag.put(q.getKey(), Double.isNaN(seconds) ? null : Math.round(seconds * 1e7) / 10.0);
    }
    return Map.of("serverLagMicros", lag);
  }

  /**
   * Stores one event and asks for its thing at that position: a 404 "endpoint" answer (or no lag
   * metric) means the projection has not landed yet.
   */
  private static String unavailableBecause(TesTarget target, BenchEvents events) {
    try (HttpConnection c = target.connect(Transport.RAW)) {
      BenchEvents.Event event = events.next();
      HttpAnswer stored =
          c.post(
              "/v1/events", IngestClient.STRUCTURED, event.json().getBytes(StandardCharsets.UTF_8));
      if (stored.status() != 201) {
        return "could not store a probe event: HTTP " + stored.status();
      }
      long position = IngestClient.lastPosition(stored.text());
      HttpAnswer thing = c.get("/v1/things/" + event.subject() + "?position=" + position);
      if (thing.status() == 404) {
        return "not available yet: GET /v1/things/{id}?position=P answers 404"
            + " (the projection issue has not landed)";
      }
      if (thing.status() != 200) {
        return "GET /v1/things answers " + thing.status() + ": " + thing.text();
      }
      return null;
    } catch (IOException e) {
      return "probe failed: " + e.getMessage();
    }
  }
}
