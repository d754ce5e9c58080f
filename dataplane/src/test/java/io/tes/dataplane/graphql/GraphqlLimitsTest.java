package io.tes.dataplane.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.testing.AsyncTenant;
import io.tes.dataplane.testing.Http.Reply;
import io.tes.dataplane.testing.TestTenant;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Depth, cost, page size, time limit and the introspection switch, on a tenant that sets them. */
class GraphqlLimitsTest {
  @TempDir static Path dir;
  static TestTenant tenant =
      AsyncTenant.create("gl")
          .with(
              """
              graphql:
                introspection: false
                maxDepth: 5
                maxCost: 400
                maxPageSize: 20
                timeoutMillis: 300
              """);
  static GraphqlPlane plane;
  static GraphqlClient graphql;

  @BeforeAll
  static void start() throws Exception {
    plane = GraphqlPlane.start(tenant, dir);
    graphql = new GraphqlClient(plane.http(), tenant.key("app"));
  }

  @AfterAll
  static void stop() throws Exception {
    plane.close();
  }

  @Test
  void aQueryDeeperThanTheLimitIsRefusedBeforeItRuns() {
    Reply reply =
        graphql.post(
            "{ things(first: 1) { edges { node { events(first: 1) { edges { node { thing { id }"
                + " } } } } } } }");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().has("data")).isFalse();
    assertThat(GraphqlClient.code(reply)).isEqualTo("MAX_DEPTH_EXCEEDED");
    assertThat(reply.json().path("errors").path(0).path("extensions").path("maxDepth").asInt())
        .isEqualTo(5);
  }

  @Test
  void fragmentsDoNotHideDepth() {
    Reply reply =
        graphql.post(
            "{ things(first: 1) { ...T } } fragment T on ThingConnection { edges { node { events"
                + " { edges { node { thing { id } } } } } } }");
    assertThat(GraphqlClient.code(reply)).isEqualTo("MAX_DEPTH_EXCEEDED");
  }

  @Test
  void aQueryCostlierThanTheLimitIsRefused() {
    Reply reply =
        graphql.post("{ things(first: 20) { nodes { events(first: 20) { nodes { id type } } } } }");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(GraphqlClient.code(reply)).isEqualTo("MAX_COST_EXCEEDED");
    assertThat(reply.json().path("errors").path(0).path("extensions").path("cost").asLong())
        .isGreaterThan(400);
  }

  @Test
  void aPageLargerThanTheCapIsRefused() {
    Reply reply =
        graphql.post(
            "query($n: Int) { events(first: $n) { nodes { id } } }", java.util.Map.of("n", 21));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(GraphqlClient.code(reply)).isEqualTo("PAGE_SIZE_EXCEEDED");
    assertThat(graphql.post("{ events(first: 20) { nodes { id } } }").status()).isEqualTo(200);
  }

  @Test
  void aRequestOverTheTimeLimitIsCancelledWithATimeoutError() {
    long started = System.nanoTime();
    Reply reply =
        graphql.post("{ thing(id: \"x\", minPosition: 99999999, waitMillis: 10000) { id } }");
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(reply.status()).isEqualTo(504);
    assertThat(GraphqlClient.code(reply)).isEqualTo("TIMEOUT");
    assertThat(millis).isLessThan(5000);
  }

  @Test
  void introspectionCanBeSwitchedOff() {
    Reply schema = graphql.post("{ __schema { queryType { name } } }");
    assertThat(schema.status()).isEqualTo(400);
    assertThat(GraphqlClient.code(schema)).isEqualTo("INTROSPECTION_DISABLED");
    Reply type = graphql.post("{ ...F } fragment F on Query { __type(name: \"Thing\") { name } }");
    assertThat(GraphqlClient.code(type)).isEqualTo("INTROSPECTION_DISABLED");
    assertThat(graphql.data("{ __typename }").path("__typename").asString()).isEqualTo("Query");
  }
}
