package io.tes.bench.scenario;

import io.tes.bench.baseline.BaselineRun;
import io.tes.bench.baseline.Durability;
import io.tes.bench.baseline.JetStreamBaseline;
import io.tes.bench.baseline.PostgresBaseline;
import io.tes.bench.baseline.SqliteBaseline;
import io.tes.bench.dataplane.BenchEvents;
import io.tes.bench.env.NatsServer;
import io.tes.bench.env.PostgresCluster;
import io.tes.bench.report.Row;
import io.tes.bench.report.RowLog;
import java.util.List;
import java.util.Map;

/**
 * The peers, measured in the same run on the same 1 KB rows: raw SQLite, raw JetStream publish and
 * a PostgreSQL events table. A peer that is not installed gives "unavailable" rows.
 */
final class BaselineScenario {
  private final Plan plan;
  private final RowLog rows;
  private final Map<String, String> versions;

  BaselineScenario(Plan plan, RowLog rows, Map<String, String> versions) {
    this.plan = plan;
    this.rows = rows;
    this.versions = versions;
  }

  void sqlite(BenchEvents events) {
    var sqlite =
        new SqliteBaseline(plan.baselineWarmup(), plan.baselineDuration(), plan.batchSize());
    for (String d : plan.durabilities()) {
      sqlite.runs(Durability.named(d), events).forEach(this::measure);
    }
  }

  void jetStream(NatsServer nats, BenchEvents events) {
    if (nats == null) {
      String many = "jetstream.sync." + plan.saturationClients() + "c";
      for (String id : List.of("jetstream.sync.1c", many, "jetstream.async")) {
        rows.add(
            new Row.Key(id, "baseline", "JetStream (jnats)", "publish", "os", "msgs/s")
                .notMeasured(Row.UNAVAILABLE, "nats-server is not installed"));
      }
      return;
    }
    versions.put("nats-server", nats.version());
    try (var jetStream = JetStreamBaseline.connect(nats)) {
      jetStream
          .runs(events, plan.baselineWarmup(), plan.baselineDuration(), plan.saturationClients())
          .forEach(this::measure);
    } catch (Exception e) {
      rows.add(
          new Row.Key("jetstream", "baseline", "JetStream (jnats)", "publish", "os", "msgs/s")
              .notMeasured(Row.FAILED, e.toString()));
    }
  }

  void postgres(BenchEvents events) {
    var whyNot = new StringBuilder();
    try (PostgresCluster cluster = PostgresCluster.startIfInstalled(whyNot).orElse(null)) {
      if (cluster == null) {
        for (String d : plan.durabilities()) {
          for (String id :
              List.of(
                  PostgresBaseline.rowId(Durability.named(d)),
                  PostgresBaseline.batchId(Durability.named(d)))) {
            rows.add(
                new Row.Key(id, "baseline", "PostgreSQL (JDBC)", "events table", d, "rows/s")
                    .notMeasured(Row.UNAVAILABLE, whyNot.toString()));
          }
        }
        return;
      }
      versions.put("postgresql", cluster.version());
      var postgres = new PostgresBaseline(cluster);
      for (String d : plan.durabilities()) {
        postgres
            .runs(
                Durability.named(d),
                events,
                plan.baselineWarmup(),
                plan.baselineDuration(),
                plan.saturationClients(),
                plan.batchClients(),
                plan.batchSize())
            .forEach(this::measure);
      }
    } catch (Exception e) {
      rows.add(
          new Row.Key("postgres", "baseline", "PostgreSQL (JDBC)", "events table", "-", "rows/s")
              .notMeasured(Row.FAILED, e.toString()));
    }
  }

  private void measure(BaselineRun run) {
    rows.add(Measure.run(run.key(), run.measurement(), Watch.cpuOnly(run.serverCpu())));
  }
}
