package io.tes.bench.scenario;

import io.tes.bench.dataplane.BenchEvents;
import io.tes.bench.dataplane.IngestClient;
import io.tes.bench.http.Transport;
import io.tes.bench.load.LoadSpec;
import io.tes.bench.load.Pacing;
import io.tes.bench.report.Row;
import io.tes.bench.report.RowLog;

/**
 * Scenarios 1 and 2: single 1 KB events over HTTP at fixed rates (open loop) and at saturation
 * (closed loop), and batches of 100 at saturation, against one data plane.
 */
final class IngestScenario {
  private final Plan plan;
  private final RowLog rows;

  IngestScenario(Plan plan, RowLog rows) {
    this.plan = plan;
    this.rows = rows;
  }

  void run(TesTarget target, BenchEvents events) {
    String d = target.durability();
    for (int rate : plan.rates()) {
      var key = key("tes.single." + d + "." + rate + "/s", "1 single-event ingest", d);
      var pacing = new Pacing.OpenLoop(rate, plan.openLoopConnections());
      rows.add(single(target, events, key, pacing, Transport.RAW));
    }
    var saturation = new Pacing.ClosedLoop(plan.saturationClients());
    rows.add(
        single(
            target,
            events,
            key(saturationId(d), "1 single-event ingest", d),
            saturation,
            Transport.RAW));
    var batchKey =
        new Row.Key(
            batchId(d), "2 batch ingest", "TES", "batch of " + plan.batchSize(), d, "events/s");
    var batchSpec =
        LoadSpec.of(new Pacing.ClosedLoop(plan.batchClients()), plan.warmup(), plan.duration())
            .withItemsPerCall(plan.batchSize());
    rows.add(
        Measure.run(
            batchKey,
            batchSpec,
            () -> new IngestClient(target.connect(Transport.RAW), events, plan.batchSize(), null),
            target.ingestWatch()));
  }

  /**
   * The same saturation run through java.net.http: shows what the load generator's own client costs
   * on a machine where it shares two cores with the server.
   */
  void clientCheck(TesTarget target, BenchEvents events) {
    String d = target.durability();
    var key =
        new Row.Key(
            saturationId(d) + ".jdk-client",
            "client check",
            "TES",
            "single event, java.net.http client",
            d,
            "events/s");
    rows.add(
        single(
            target, events, key, new Pacing.ClosedLoop(plan.saturationClients()), Transport.JDK));
  }

  /**
   * Saturation of a data plane that runs only the ingest role: the projector lives in another
   * process (a worker pod in production), so this is the ingest path's own ceiling here.
   */
  void ingestRoleSaturation(TesTarget target, BenchEvents events) {
    String d = target.durability();
    var key =
        new Row.Key(
            saturationId(d) + ".ingest-role",
            "1 single-event ingest",
            "TES",
            "single event, TES_ROLE=ingest (no projector in the process)",
            d,
            "events/s");
    rows.add(
        single(
            target, events, key, new Pacing.ClosedLoop(plan.saturationClients()), Transport.RAW));
  }

  private Row single(
      TesTarget target, BenchEvents events, Row.Key key, Pacing pacing, Transport transport) {
    return Measure.run(
        key,
        LoadSpec.of(pacing, plan.warmup(), plan.duration()),
        () -> new IngestClient(target.connect(transport), events, 1, null),
        target.ingestWatch());
  }

  private static Row.Key key(String id, String scenario, String durability) {
    return new Row.Key(id, scenario, "TES", "single event, 1 KB", durability, "events/s");
  }

  static String saturationId(String durability) {
    return "tes.single." + durability + ".saturation";
  }

  static String batchId(String durability) {
    return "tes.batch." + durability + ".saturation";
  }
}
