package io.tes.bench.scenario;

import io.tes.bench.env.ProcessStats;
import io.tes.bench.http.HttpAnswer;
import io.tes.bench.http.HttpConnection;
import io.tes.bench.http.Transport;
import io.tes.bench.load.Client;
import io.tes.bench.load.LoadSpec;
import io.tes.bench.load.Pacing;
import io.tes.bench.report.Row;
import io.tes.bench.report.RowLog;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Scenario 4: latency of a single-thing query and of a 100-item page through {@code POST /graphql},
 * closed loop, over the things the ingest scenarios wrote. Reports "unavailable" while the data
 * plane has no GraphQL endpoint.
 */
final class GraphqlScenario {
  private final Plan plan;
  private final RowLog rows;

  GraphqlScenario(Plan plan, RowLog rows) {
    this.plan = plan;
    this.rows = rows;
  }

  void run(TesTarget target) {
    String d = target.durability();
    var thing = key("tes.graphql.thing", "thing(id) query", d);
    var page = key("tes.graphql.page100", "things(first: 100) page", d);
    String missing = unavailableBecause(target);
    if (missing != null) {
      rows.add(thing.notMeasured(Row.UNAVAILABLE, missing));
      rows.add(page.notMeasured(Row.UNAVAILABLE, missing));
      return;
    }
    int things = plan.things();
    rows.add(
        measure(
            target,
            thing,
            () -> GraphqlQueries.thing("thing-" + ThreadLocalRandom.current().nextInt(things))));
    rows.add(measure(target, page, () -> GraphqlQueries.PAGE_OF_100));
  }

  private Row measure(TesTarget target, Row.Key key, Supplier<String> queries) {
    var spec =
        LoadSpec.of(new Pacing.ClosedLoop(plan.graphqlClients()), plan.warmup(), plan.duration());
    long pid = target.process().pid();
    return Measure.run(
        key,
        spec,
        () -> new GraphqlClient(target.connect(Transport.RAW), queries),
        Watch.cpuOnly(() -> ProcessStats.cpuTime(pid)));
  }

  private static String unavailableBecause(TesTarget target) {
    try (HttpConnection c = target.connect(Transport.RAW)) {
      HttpAnswer answer =
          c.post("/graphql", "application/json", GraphqlQueries.body(GraphqlQueries.PROBE));
      if (answer.status() == 404) {
        return "not available yet: POST /graphql answers 404 (the GraphQL issue has not landed)";
      }
      return answer.ok() ? null : "POST /graphql answers " + answer.status() + ": " + answer.text();
    } catch (IOException e) {
      return "POST /graphql failed: " + e.getMessage();
    }
  }

  private static Row.Key key(String id, String variant, String durability) {
    return new Row.Key(id, "4 GraphQL", "TES", variant, durability, "queries/s");
  }

  /** Posts one query per call; a 200 that carries GraphQL errors is an error too. */
  private record GraphqlClient(HttpConnection connection, Supplier<String> queries)
      implements Client {
    @Override
    public void call() throws IOException {
      HttpAnswer answer =
          connection.post("/graphql", "application/json", GraphqlQueries.body(queries.get()));
      String text = answer.text();
      if (answer.status() != 200 || text.contains("\"errors\"")) {
        throw new IOException(
            "HTTP " + answer.status() + ": " + text.substring(0, Math.min(200, text.length())));
      }
    }

    @Override
    public void close() {
      connection.close();
    }
  }
}
