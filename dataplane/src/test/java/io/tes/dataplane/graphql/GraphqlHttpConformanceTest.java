package io.tes.dataplane.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.testing.AsyncTenant;
import io.tes.dataplane.testing.TestTenant;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The GraphQL over HTTP audit of the npm package graphql-http, against the real server. */
class GraphqlHttpConformanceTest {
  @TempDir static Path dir;
  static TestTenant tenant = AsyncTenant.create("conform");
  static GraphqlPlane plane;

  @BeforeAll
  static void start() throws Exception {
    NodeScripts.install();
    plane = GraphqlPlane.start(tenant, dir);
  }

  @AfterAll
  static void stop() throws Exception {
    plane.close();
  }

  @Test
  void everyAuditPassesWithoutWarnings() throws Exception {
    NodeScripts.Result result =
        NodeScripts.node(
            "audit.mjs", "http://127.0.0.1:" + plane.port() + "/graphql", tenant.key("app"));

    var lines = result.jsonLines();
    JsonNode summary = lines.getLast();
    assertThat(summary.path("summary").asBoolean()).as(result.output()).isTrue();
    var notOk =
        lines.stream()
            .filter(l -> !l.has("summary") && !"ok".equals(l.path("status").asString()))
            .toList();
    assertThat(notOk).as(result.output()).isEmpty();
    assertThat(summary.path("total").asInt()).isGreaterThanOrEqualTo(61);
    assertThat(result.exitCode()).as(result.output()).isZero();
  }
}
