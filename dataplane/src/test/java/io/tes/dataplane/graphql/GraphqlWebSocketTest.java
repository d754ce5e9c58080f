package io.tes.dataplane.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.http.Json;
import io.tes.dataplane.testing.AsyncTenant;
import io.tes.dataplane.testing.TestTenant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions over WebSocket with the graphql-transport-ws protocol, driven by the npm graphql-ws
 * client (and the ws socket for protocol violations) against the real server.
 */
class GraphqlWebSocketTest {
  @TempDir static Path dir;
  static TestTenant tenant = AsyncTenant.create("ws");
  static String readOnly = tenant.addKey("reader", "read");
  static GraphqlPlane plane;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    NodeScripts.install();
    plane = GraphqlPlane.start(tenant, dir);
    base = "http://127.0.0.1:" + plane.port();
  }

  @AfterAll
  static void stop() throws Exception {
    plane.close();
  }

  private static JsonNode scenario(String name, Map<String, Object> args) throws Exception {
    NodeScripts.Result result =
        NodeScripts.node("ws-client.mjs", name, base, Json.mapper().writeValueAsString(args));
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.json();
  }

  @Test
  void everyEventEmittedAfterTheSubscriptionPositionArrivesInOrder() throws Exception {
    long head =
        new GraphqlClient(plane.http(), tenant.key("app"))
            .data("{ stats { headPosition } }")
            .path("stats")
            .path("headPosition")
            .asLong();

    JsonNode out =
        scenario(
            "live",
            Map.of(
                "key",
                tenant.key("app"),
                "subject",
                "ws/ordered",
                "count",
                40,
                "afterPosition",
                head));

    assertThat(positions(out.path("received"))).isEqualTo(positions(out.path("emitted")));
    assertThat(out.path("received").path(0).path("data").path("n").asInt()).isZero();
  }

  @Test
  void aLiveSubscriptionReceivesWhatIsEmittedOverHttpWithoutGaps() throws Exception {
    JsonNode out =
        scenario("live", Map.of("key", tenant.key("app"), "subject", "ws/live", "count", 10));

    List<Long> received = positions(out.path("received"));
    List<Long> emitted = positions(out.path("emitted"));
    assertThat(received).hasSizeGreaterThanOrEqualTo(10);
    // From the first event it saw on, the subscription missed nothing and kept the order.
    int first = emitted.indexOf(received.getFirst());
    assertThat(first).isNotNegative();
    assertThat(received.subList(0, 10)).isEqualTo(emitted.subList(first, first + 10));
  }

  @Test
  void thingChangesFollowEachEventInStreamOrder() throws Exception {
    JsonNode out =
        scenario("thing", Map.of("key", tenant.key("app"), "subject", "ws/thing", "count", 5));

    JsonNode received = out.path("received");
    assertThat(received.size()).isGreaterThanOrEqualTo(5);
    long version = received.path(0).path("thing").path("version").asLong();
    for (JsonNode change : received) {
      assertThat(change.path("thing").path("version").asLong()).isEqualTo(version);
      assertThat(change.path("event").path("streamVersion").asLong()).isEqualTo(version);
      // Each event of the scenario merges {n: i}: the state shows the event's own n.
      assertThat(change.path("thing").path("state").path("n").asLong()).isEqualTo(version - 1);
      version++;
    }
  }

  @Test
  void queriesRunOverTheSocketAndRefusalsAreErrorMessages() throws Exception {
    JsonNode out =
        scenario("operations", Map.of("key", tenant.key("app"), "readOnlyKey", readOnly));

    assertThat(out.path("query").path(0).path("data").path("stats").path("tenant").asString())
        .isEqualTo("ws");
    assertThat(
            out.path("invalid").path("errors").path(0).path("extensions").path("code").asString())
        .isEqualTo("GRAPHQL_VALIDATION_FAILED");
    assertThat(
            out.path("forbidden").path("errors").path(0).path("extensions").path("code").asString())
        .isEqualTo("FORBIDDEN");
  }

  @Test
  void protocolViolationsCloseWithTheProtocolsCodes() throws Exception {
    JsonNode out = scenario("closeCodes", Map.of("key", tenant.key("app")));

    assertThat(out.path("notJson").path("code").asInt()).isEqualTo(4400);
    assertThat(out.path("unknownType").path("code").asInt()).isEqualTo(4400);
    assertThat(out.path("subscribeFirst").path("code").asInt()).isEqualTo(4401);
    assertThat(out.path("badKey").path("code").asInt()).isEqualTo(4403);
    assertThat(out.path("noInit").path("code").asInt()).isEqualTo(4408);
    assertThat(out.path("twoInits").path("code").asInt()).isEqualTo(4429);
    assertThat(out.path("sameId").path("code").asInt()).isEqualTo(4409);
    assertThat(out.path("sameId").path("reason").asString())
        .isEqualTo("Subscriber for a already exists");
    assertThat(out.path("noSubprotocol").path("code").asInt()).isEqualTo(4406);
    assertThat(out.path("twoInits").path("seen").path(0).path("type").asString())
        .isEqualTo("connection_ack");
  }

  private static List<Long> positions(JsonNode items) {
    var positions = new ArrayList<Long>();
    for (JsonNode item : items) {
      positions.add(item.isNumber() ? item.asLong() : item.path("position").asLong());
    }
    return positions;
  }
}
