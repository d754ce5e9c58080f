package io.tes.bench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the rows of a run and prints each one as it completes, so a long run shows progress. */
public final class RowLog {
  private final List<Row> rows = new ArrayList<>();
  private final PrintStream out;

  public RowLog(PrintStream out) {
    this.out = out;
  }

  public synchronized void add(Row row) {
    rows.add(row);
    if (row.isOk()) {
      var l = row.load().latencyMicros();
      out.printf(
          Locale.ROOT,
          "[bench] %-38s %10.0f %-8s p50 %8.3f  p90 %8.3f  p99 %8.3f  p99.9 %8.3f ms  errors %d%n",
          row.id(),
          row.load().throughput(),
          row.unit(),
          l.p50() / 1000,
          l.p90() / 1000,
          l.p99() / 1000,
          l.p999() / 1000,
          row.load().errors());
    } else {
      out.printf(Locale.ROOT, "[bench] %-38s %s: %s%n", row.id(), row.status(), row.note());
    }
  }

  public void say(String message) {
    out.println("[bench] " + message);
  }

  public synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  public synchronized Row find(String id) {
    return rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
  }
}
