package io.tes.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * TES as ratios against each baseline of the same run: the figures that hold across machines, where
 * absolute numbers on a shared two-core machine drift.
 */
public final class Ratios {
  private Ratios() {}

  public static List<Ratio> compute(RowLog log, List<String> durabilities, int clients) {
    var ratios = new ArrayList<Ratio>();
    for (String d : durabilities) {
      String single = "tes.single." + d + ".saturation";
      String batch = "tes.batch." + d + ".saturation";
      add(
          ratios,
          log,
          single,
          "sqlite.row." + d,
          "single events over HTTP vs one raw SQLite commit per row");
      add(
          ratios,
          log,
          single,
          "postgres.row." + d,
          "single events over HTTP vs PostgreSQL, one row per transaction");
      add(
          ratios,
          log,
          single,
          "jetstream.sync." + clients + "c",
          "single events over HTTP vs JetStream sync publish, same concurrency");
      add(
          ratios,
          log,
          single,
          "jetstream.async",
          "single events over HTTP vs JetStream async publish");
      add(
          ratios,
          log,
          batch,
          "sqlite.batch." + d,
          "batches over HTTP vs raw SQLite batches (same batch size)");
      add(ratios, log, batch, "postgres.batch." + d, "batches over HTTP vs PostgreSQL batches");
      add(
          ratios,
          log,
          "tes.single." + d + ".1000/s",
          "sqlite.row." + d,
          "latency at 1,000/s vs one raw commit, unloaded");
    }
    return ratios;
  }

  private static void add(
      List<Ratio> ratios, RowLog log, String tesId, String baseId, String meaning) {
    Row tes = log.find(tesId);
    Row base = log.find(baseId);
    if (tes == null || base == null || !tes.isOk() || !base.isOk()) {
      return;
    }
    ratios.add(
        new Ratio(
            tesId,
            baseId,
            meaning,
            divide(tes.load().throughput(), base.load().throughput()),
            divide(tes.load().latencyMicros().p50(), base.load().latencyMicros().p50()),
            divide(tes.load().latencyMicros().p99(), base.load().latencyMicros().p99())));
  }

  private static double divide(double a, double b) {
    return b <= 0 ? 0 : Math.round(a / b * 100) / 100.0;
  }
}
