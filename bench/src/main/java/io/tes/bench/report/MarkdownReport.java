package io.tes.bench.report;

import io.tes.bench.load.LatencySummary;
import io.tes.bench.profile.ProfileSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human-readable result file: the tables that go into docs/performance.md. */
public final class MarkdownReport {

  public void write(Results results, Path file) throws IOException {
    Files.writeString(file, render(results));
  }

  public String render(Results r) {
    var md = new StringBuilder();
    md.append("# TES benchmark, ")
        .append(r.mode())
        .append(" run, ")
        .append(r.startedAt())
        .append("\n\n");
    md.append("- command: `").append(r.command()).append("`\n");
    md.append("- machine: ")
        .append(r.machine().cpuModel())
        .append(", ")
        .append(r.machine().cores())
        .append(" cores, ")
        .append(r.machine().memoryMb())
        .append(" MB, ")
        .append(r.machine().kernel())
        .append(", ")
        .append(r.machine().java())
        .append('\n');
    md.append("- load average (1/5/15 min): ")
        .append(r.machine().loadAtStart())
        .append(" at start, ")
        .append(r.loadAtEnd())
        .append(" at end; ")
        .append(r.machine().note())
        .append('\n');
    md.append("- versions: ");
    r.versions().forEach((k, v) -> md.append(k).append(" ").append(v).append("; "));
    md.append("\n- wall time: ").append(fmt("%.0f", r.wallSeconds())).append(" s\n\n");

    md.append("## Results\n\n");
    md.append("Latencies in ms. Open-loop rows (`N/s`) measure from each request's intended send")
        .append(" time (coordinated omission corrected); closed-loop rows (`N clients`) from the")
        .append(
            " actual send. Server CPU in % of one core (200% = the whole machine) and in µs per event, row or message (in-process SQLite has no separate server: see benchProcessCpuPercent in the JSON).\n\n");
    md.append(
        "| row | system | variant | durability | load | throughput | p50 | p90 | p99 | p99.9 | max | errors | server CPU | µs CPU/item | load avg |\n");
    md.append(
        "| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Row row : r.rows()) {
      md.append(rowLine(row));
    }

    serverLag(md, r.rows());

    md.append("\n## TES against the baselines (same run)\n\n");
    md.append(
        "Throughput ratio above 1: TES is faster; latency ratio below 1: TES answers sooner.\n\n");
    md.append("| TES row | baseline row | comparison | throughput | p50 latency | p99 latency |\n");
    md.append("| --- | --- | --- | ---: | ---: | ---: |\n");
    for (Ratio ratio : r.ratios()) {
      md.append(
          fmt(
              "| %s | %s | %s | %.2fx | %.2fx | %.2fx |%n",
              ratio.tes(),
              ratio.baseline(),
              ratio.meaning(),
              ratio.throughput(),
              ratio.p50Latency(),
              ratio.p99Latency()));
    }

    md.append("\n## Targets\n\n| target | measured | verdict |\n| --- | --- | --- |\n");
    for (TargetCheck t : r.targets()) {
      md.append("| ")
          .append(t.target())
          .append(" | ")
          .append(t.measured())
          .append(" | ")
          .append(t.verdict())
          .append(t.detail() == null ? "" : " (" + t.detail() + ")")
          .append(" |\n");
    }

    Footprint f = r.footprint();
    if (f != null) {
      md.append("\n## Data plane footprint\n\n");
      md.append("- start-to-ready (process start to `tes: ready`): ")
          .append(f.startToReadyMillis().stream().map(ms -> fmt("%.0f ms", ms)).toList())
          .append(fmt(", median %.0f ms%n", f.medianStartToReadyMillis()));
      if (!f.startToReadyWithAotCacheMillis().isEmpty()) {
        md.append(
                "- start-to-ready with JDK 25's AOT cache (`-XX:AOTCache`, after one training start): ")
            .append(
                f.startToReadyWithAotCacheMillis().stream().map(ms -> fmt("%.0f ms", ms)).toList())
            .append(fmt(", median %.0f ms%n", f.medianStartToReadyWithAotCacheMillis()));
      }
      md.append(fmt("- RSS idle after ready: %.1f MB%n", f.idleRssMb()));
      md.append(fmt("- peak RSS under load (VmHWM): %.1f MB%n", f.peakRssMbUnderLoad()));
      md.append(fmt("- RSS after the load runs: %.1f MB%n", f.rssAfterLoadMb()));
      md.append("- started as: `").append(f.command()).append("`\n");
    }
    profile(md, r.profile());
    return md.toString();
  }

  private static String rowLine(Row row) {
    if (!row.isOk()) {
      return fmt(
          "| %s | %s | %s | %s | - | %s | | | | | | | | | %s |%n",
          row.id(),
          row.system(),
          row.variant(),
          row.durability(),
          row.status() + ": " + row.note(),
          row.loadAtStart().one());
    }
    LatencySummary l = row.load().latencyMicros();
    Object cpu = row.extra().get("serverCpuPercent");
    Object perItem = row.extra().get("serverCpuMicrosPerItem");
    return fmt(
        "| %s | %s | %s | %s | %s | %.0f %s | %.3f | %.3f | %.3f | %.3f | %.3f | %d | %s | %s | %.2f |%n",
        row.id(),
        row.system(),
        row.variant(),
        row.durability(),
        row.load().pacing(),
        row.load().throughput(),
        row.unit(),
        l.p50() / 1000,
        l.p90() / 1000,
        l.p99() / 1000,
        l.p999() / 1000,
        l.max() / 1000,
        row.load().errors() + row.load().dropped(),
        cpu == null ? "-" : cpu + "%",
        perItem == null ? "-" : perItem,
        row.loadAtStart().one());
  }

  /** The projector's own commit-to-applied histogram, next to the client's receipt-to-readable. */
  private static void serverLag(StringBuilder md, List<Row> rows) {
    var lagRows =
        rows.stream()
            .filter(r -> r.isOk() && r.extra().get("serverLagMicros") instanceof Map)
            .toList();
    if (lagRows.isEmpty()) {
      return;
    }
    md.append(
            "\nProjection lag as the data plane measures it (`tes_projection_lag_seconds`, commit")
        .append(" to applied, interpolated from its buckets), in ms:\n\n")
        .append("| row | p50 | p90 | p99 | p99.9 |\n| --- | ---: | ---: | ---: | ---: |\n");
    for (Row row : lagRows) {
      var lag = (Map<?, ?>) row.extra().get("serverLagMicros");
      md.append("| ").append(row.id());
      for (String q : List.of("p50", "p90", "p99", "p999")) {
        md.append(lag.get(q) instanceof Number n ? fmt(" | %.3f", n.doubleValue() / 1000) : " | -");
      }
      md.append(" |\n");
    }
  }

  private static void profile(StringBuilder md, ProfileSummary p) {
    md.append("\n## Profile of the hot path at saturation (JFR)\n\n");
    if (p == null || !"ok".equals(p.status())) {
      md.append(p == null ? "not recorded\n" : p.status() + ": " + p.note() + "\n");
      return;
    }
    md.append(
        fmt(
            "%d CPU samples, %d native samples; GC: %d collections, %.1f ms paused. %s.%n",
            p.executionSamples(), p.nativeSamples(), p.gcCount(), p.gcPauseMillis(), p.note()));
    section(md, "CPU samples by component (innermost library or TES frame)", p.byComponent(), 10);
    section(md, "Top frames by CPU samples (self)", p.topSelf(), 12);
    section(md, "TES methods by CPU samples (inclusive)", p.topInclusiveTes(), 12);
    section(md, "CPU samples by thread", p.byThread(), 8);
    section(md, "Top frames in native code", p.topNative(), 6);
    section(md, "Top allocation sites (by sampled weight)", p.topAllocation(), 8);
  }

  private static void section(
      StringBuilder md, String title, List<ProfileSummary.Frame> frames, int limit) {
    md.append("\n")
        .append(title)
        .append(":\n\n| share | samples | frame |\n| ---: | ---: | --- |\n");
    for (var frame : frames.subList(0, Math.min(limit, frames.size()))) {
      md.append(fmt("| %.1f%% | %d | `%s` |%n", frame.percent(), frame.samples(), frame.name()));
    }
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
