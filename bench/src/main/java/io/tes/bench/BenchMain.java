package io.tes.bench;

import io.tes.bench.report.Row;
import io.tes.bench.scenario.BenchRun;
import io.tes.bench.scenario.Plan;
import java.nio.file.Path;

/**
 * {@code java -jar bench/target/tes-bench.jar [--mode full|smoke] [--out DIR] [--dataplane-jar JAR]
 * [--command TEXT]}. Exits 1 when a row failed (the report is written all the same), 2 on bad
 * arguments.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    String mode = "full";
    Path out = Path.of("bench", "results");
    Path jar = Path.of("dataplane", "target", "tes-dataplane.jar");
    String command = "scripts/bench";
    String source = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--mode" -> mode = value;
        case "--out" -> out = Path.of(value);
        case "--dataplane-jar" -> jar = Path.of(value);
        case "--command" -> command = value;
        case "--source" -> source = value;
        default -> {
          System.err.println("bench: unknown argument " + args[i]);
          System.exit(2);
        }
      }
      i++;
    }
    Plan plan;
    try {
      plan = Plan.named(mode);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    var output =
        new BenchRun(new BenchRun.Options(plan, jar, out, command, source), System.out).run();
    boolean failed = output.results().rows().stream().anyMatch(r -> Row.FAILED.equals(r.status()));
    System.exit(failed ? 1 : 0);
  }
}
