package io.tes.dataplane.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.http.Json;
import io.tes.dataplane.testing.AsyncTenant;
import io.tes.dataplane.testing.Http;
import io.tes.dataplane.testing.TestTenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Measures GraphQL latency over loopback HTTP on this machine; it reports, it does not judge. Run:
 *
 * <pre>
 * ./mvnw -B -ntp -pl dataplane test -Dtest=GraphqlLatencyReport -Dtes.graphql.latency=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It seeds 2,000 things (6,000 events), warms up, then times one client sending requests one after
 * another: a typical thing query, and 100-item pages of things and of events. The table goes to
 * stdout and to target/graphql-latency.md, with the load average before and after.
 */
@EnabledIfSystemProperty(named = "tes.graphql.latency", matches = "true")
class GraphqlLatencyReport {
  private static final int THINGS = 2000;
  private static final int WARM_UP = 1000;
  private static final int SAMPLES = 3000;

  @TempDir Path dir;

  @Test
  void report() throws Exception {
    TestTenant tenant = AsyncTenant.create("latency");
    try (var plane = GraphqlPlane.start(tenant, dir)) {
      Http http = plane.http();
      String key = tenant.key("app");
      long last = seed(http, key);
      var graphql = new GraphqlClient(http, key);
      graphql.data(
          "query($p: Long) { thing(id: \"t-0\", minPosition: $p, waitMillis: 30000) { id } }",
          Map.of("p", last));

      String load = Files.readString(Path.of("/proc/loadavg")).trim();
      var random = new Random(1);
      String thing =
          "query($id: ID!) { thing(id: $id) { id version state updatedTime lastEventType } }";
      String things =
          "query($a: String) { things(first: 100, after: $a, where: [{path: \"price\", gte: 0}],"
              + " orderBy: {field: STATE, path: \"price\"}) { edges { cursor node { id version"
              + " state } } pageInfo { hasNextPage endCursor } } }";
      String events =
          "query($a: String) { events(first: 100, after: $a) { edges { cursor node { position"
              + " type subject recordedTime data } } pageInfo { hasNextPage endCursor } } }";
      var rows = new StringBuilder();
      rows.append(
          row(
              "thing(id) with state",
              measure(graphql, thing, () -> Map.of("id", "t-" + random.nextInt(THINGS)))));
      rows.append(
          row(
              "things(first: 100), filtered, by state.price",
              measure(graphql, things, pages("things"))));
      rows.append(row("events(first: 100)", measure(graphql, events, pages("events"))));
      String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();

      String report =
          "| request | p50 (ms) | p99 (ms) | mean (ms) |\n|---|---|---|---|\n"
              + rows
              + "\n"
              + SAMPLES
              + " sequential requests each after "
              + WARM_UP
              + " warm-up requests; "
              + Runtime.getRuntime().availableProcessors()
              + " CPUs; load average before: "
              + load
              + "; after: "
              + loadAfter
              + "\n";
      System.out.println(report);
      Files.writeString(Path.of("target", "graphql-latency.md"), report);
      assertThat(report).contains("p50");
    }
  }

  /** Seeds things with three events each in batches; returns the last position. */
  private static long seed(Http http, String key) {
    long last = 0;
    var random = new Random(7);
    for (int round = 0; round < 3; round++) {
      for (int start = 0; start < THINGS; start += 100) {
        ArrayNode batch = Json.mapper().createArrayNode();
        for (int i = start; i < start + 100; i++) {
          ObjectNode e = batch.addObject();
          e.put("specversion", "1.0").put("source", "/seed").put("type", "thing.updated");
          e.put("subject", "t-" + i);
          ObjectNode data = e.putObject("data");
          data.put("price", random.nextInt(1000)).put("name", "thing " + i).put("round", round);
          data.putObject("dims").put("w", random.nextInt(100)).put("h", random.nextInt(100));
        }
        var reply =
            http.post(
                "/v1/events",
                key,
                "application/cloudevents-batch+json",
                Json.mapper().writeValueAsString(batch));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        last = reply.json().path("events").path(99).path("position").asLong();
      }
    }
    return last;
  }

  /** The variables of each request, and what it learns from each answer. */
  private interface Walk {
    Map<String, Object> next();

    default void saw(JsonNode data) {}
  }

  /**
   * Walks a connection page by page with the cursor of the last answer, starting over at the end.
   */
  private static Walk pages(String field) {
    return new Walk() {
      private String after;

      @Override
      public Map<String, Object> next() {
        var vars = new HashMap<String, Object>();
        vars.put("a", after);
        return vars;
      }

      @Override
      public void saw(JsonNode data) {
        JsonNode info = data.path(field).path("pageInfo");
        after = info.path("hasNextPage").asBoolean() ? info.path("endCursor").asString() : null;
      }
    };
  }

  private static double[] measure(GraphqlClient graphql, String query, Walk walk) {
    for (int i = 0; i < WARM_UP; i++) {
      walk.saw(graphql.data(query, walk.next()));
    }
    double[] millis = new double[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      Map<String, Object> vars = walk.next();
      long started = System.nanoTime();
      var reply = graphql.post(query, vars);
      millis[i] = (System.nanoTime() - started) / 1e6;
      assertThat(reply.status()).isEqualTo(200);
      walk.saw(reply.json().path("data"));
    }
    Arrays.sort(millis);
    return millis;
  }

  private static String row(String name, double[] sorted) {
    return String.format(
        "| %s | %.2f | %.2f | %.2f |%n",
        name,
        sorted[sorted.length / 2],
        sorted[(int) Math.ceil(sorted.length * 0.99) - 1],
        Arrays.stream(sorted).average().orElse(0));
  }
}
