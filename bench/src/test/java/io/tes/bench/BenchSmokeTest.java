package io.tes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tes.bench.scenario.BenchRun;
import io.tes.bench.scenario.Plan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark's smoke mode against the real data plane jar and checks that it produced
 * well-formed results. Never a timing threshold: on a shared machine those would be flaky, and the
 * suite's job is to prove the benchmark works, not how fast anything is.
 */
class BenchSmokeTest {
  private static final Set<String> STATUSES = Set.of("ok", "unavailable", "skipped");

  @Test
  void smokeRunWritesWellFormedResults() throws Exception {
    Path jar =
        Path.of(System.getProperty("tes.dataplane.jar", "../dataplane/target/tes-dataplane.jar"));
    Path out = Files.createDirectories(Path.of("target", "bench-smoke"));
    var console = new ByteArrayOutputStream();
    var output =
        new BenchRun(
                new BenchRun.Options(Plan.smoke(), jar, out, "BenchSmokeTest", null),
                new PrintStream(console, true, StandardCharsets.UTF_8))
            .run();
    String log = console.toString(StandardCharsets.UTF_8);

    JsonNode json = new ObjectMapper().readTree(output.json().toFile());
    assertThat(json.path("mode").asText()).isEqualTo("smoke");
    assertThat(json.path("machine").path("cpuModel").asText()).isNotBlank();
    assertThat(json.path("machine").path("cores").asInt()).isPositive();
    assertThat(json.path("machine").path("loadAtStart").has("one")).isTrue();
    assertThat(json.path("loadAtEnd").has("one")).isTrue();

    List<String> ids = new ArrayList<>();
    for (JsonNode row : json.path("rows")) {
      String id = row.path("id").asText();
      ids.add(id);
      assertThat(row.path("status").asText())
          .as(id + ": " + row.path("note") + "\n" + log)
          .isIn(STATUSES);
      if (row.path("status").asText().equals("ok")) {
        assertWellFormedLoad(id, row.path("load"));
      }
    }
    assertThat(ids)
        .contains(
            "tes.single.fsync.200/s",
            "tes.single.fsync.saturation",
            "tes.batch.fsync.saturation",
            "tes.single.fsync.saturation.jdk-client",
            "sqlite.row.fsync",
            "sqlite.batch.fsync",
            "tes.graphql.thing",
            "tes.graphql.page100");
    assertThat(status(json, "tes.single.fsync.saturation")).isEqualTo("ok");
    assertThat(status(json, "tes.batch.fsync.saturation")).isEqualTo("ok");
    assertThat(status(json, "sqlite.batch.fsync")).isEqualTo("ok");

    assertThat(json.path("targets")).hasSize(7);
    assertThat(json.path("footprint").path("startToReadyMillis").get(0).asDouble()).isPositive();
    assertThat(json.path("footprint").path("idleRssMb").asDouble()).isPositive();
    assertThat(json.path("profile").path("status").asText()).isEqualTo("ok");

    String markdown = Files.readString(output.markdown());
    assertThat(markdown).contains("| row | system |", "## Targets", "load average");
    ids.forEach(id -> assertThat(markdown).contains("| " + id + " |"));
  }

  private static void assertWellFormedLoad(String id, JsonNode load) {
    JsonNode l = load.path("latencyMicros");
    assertThat(load.path("calls").asLong()).as(id).isPositive();
    assertThat(load.path("throughput").asDouble()).as(id).isPositive();
    assertThat(l.path("p50").asDouble()).as(id).isPositive();
    assertThat(l.path("p50").asDouble()).as(id).isLessThanOrEqualTo(l.path("p90").asDouble());
    assertThat(l.path("p90").asDouble()).as(id).isLessThanOrEqualTo(l.path("p99").asDouble());
    assertThat(l.path("p99").asDouble()).as(id).isLessThanOrEqualTo(l.path("p999").asDouble());
    assertThat(l.path("p999").asDouble()).as(id).isLessThanOrEqualTo(l.path("max").asDouble());
  }

  private static String status(JsonNode json, String id) {
    for (JsonNode row : json.path("rows")) {
      if (row.path("id").asText().equals(id)) {
        return row.path("status").asText();
      }
    }
    return "missing";
  }
}
