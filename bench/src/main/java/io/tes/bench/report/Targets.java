package io.tes.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The targets for this two-core machine, each checked against the run's rows. */
public final class Targets {
  private static final List<String> NAMES =
      List.of(
          "single-event ingest, fsync, saturation >= 10,000 events/s",
          "at 1,000 events/s (fsync): p50 <= 1 ms",
          "at 1,000 events/s (fsync): p99 <= 5 ms",
          "batch ingest (fsync) >= 60% of raw batched SQLite (synchronous=FULL)",
          "projection lag at 5,000 events/s: p99 <= 50 ms",
          "data plane start-to-ready <= 1.5 s",
          "idle RSS <= 200 MB");

  private Targets() {}

  public static List<TargetCheck> check(RowLog log, Footprint footprint, boolean full) {
    var checks = new ArrayList<TargetCheck>();
    if (!full) {
      for (String target : NAMES) {
        checks.add(
            notMeasured(target, "a smoke run proves the suite works; targets need a full run"));
      }
      return checks;
    }
    Row saturation = log.find("tes.single.fsync.saturation");
    checks.add(
        atLeast(
            NAMES.get(0),
            saturation,
            saturation == null || !saturation.isOk() ? 0 : saturation.load().throughput(),
            10_000,
            "%.0f events/s"));
    Row low = log.find("tes.single.fsync.1000/s");
    checks.add(
        atMost(
            NAMES.get(1),
            low,
            low == null || !low.isOk() ? 0 : low.load().latencyMicros().p50() / 1000,
            1,
            "%.3f ms"));
    checks.add(
        atMost(
            NAMES.get(2),
            low,
            low == null || !low.isOk() ? 0 : low.load().latencyMicros().p99() / 1000,
            5,
            "%.3f ms"));
    Row batch = log.find("tes.batch.fsync.saturation");
    Row raw = log.find("sqlite.batch.fsync");
    boolean both = batch != null && batch.isOk() && raw != null && raw.isOk();
    checks.add(
        atLeast(
            NAMES.get(3),
            both ? batch : null,
            both ? 100 * batch.load().throughput() / raw.load().throughput() : 0,
            60,
            "%.0f%%"));
    Row lag = log.find("tes.projection-lag.fsync.5000/s");
    checks.add(
        atMost(
            NAMES.get(4), lag, lag == null || !lag.isOk() ? 0 : lagP99Millis(lag), 50, "%.1f ms"));
    checks.add(
        footprint == null || footprint.medianStartToReadyMillis() <= 0
            ? notMeasured(NAMES.get(5), "no start was measured")
            : verdict(
                NAMES.get(5),
                footprint.medianStartToReadyMillis() <= 1500,
                String.format(
                    Locale.ROOT, "%.0f ms (median)", footprint.medianStartToReadyMillis())));
    checks.add(
        footprint == null || footprint.idleRssMb() <= 0
            ? notMeasured(NAMES.get(6), "not measured")
            : verdict(
                NAMES.get(6),
                footprint.idleRssMb() <= 200,
                String.format(Locale.ROOT, "%.0f MB", footprint.idleRssMb())));
    return checks;
  }

  /** The server's own commit-to-applied p99 when it exports it, else the client's upper bound. */
  private static double lagP99Millis(Row lag) {
    Object server = lag.extra().get("serverLagMicros");
    if (server instanceof Map<?, ?> m && m.get("p99") instanceof Number p99) {
      return p99.doubleValue() / 1000;
    }
    return lag.load().latencyMicros().p99() / 1000;
  }

  private static TargetCheck atLeast(
      String target, Row row, double value, double min, String format) {
    if (row == null || !row.isOk()) {
      return notMeasured(target, why(row));
    }
    return verdict(target, value >= min, String.format(Locale.ROOT, format, value));
  }

  private static TargetCheck atMost(
      String target, Row row, double value, double max, String format) {
    if (row == null || !row.isOk()) {
      return notMeasured(target, why(row));
    }
    return verdict(target, value <= max, String.format(Locale.ROOT, format, value));
  }

  private static TargetCheck verdict(String target, boolean met, String measured) {
    return new TargetCheck(target, measured, met ? TargetCheck.MET : TargetCheck.MISSED, null);
  }

  private static TargetCheck notMeasured(String target, String why) {
    return new TargetCheck(target, "-", TargetCheck.NOT_MEASURED, why);
  }

  private static String why(Row row) {
    return row == null ? "not part of this run's plan" : row.status() + ": " + row.note();
  }
}
