package io.tes.dataplane.graphql;

import static io.tes.dataplane.testing.Events.event;
import static io.tes.dataplane.testing.Events.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.testing.AsyncTenant;
import io.tes.dataplane.testing.Fold;
import io.tes.dataplane.testing.Http;
import io.tes.dataplane.testing.Http.Reply;
import io.tes.dataplane.testing.RandomEvents;
import io.tes.dataplane.testing.TestTenant;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every query and filter of the schema, over real HTTP against a real server, SQLite and NATS. */
class GraphqlQueryTest {
  @TempDir static Path dir;
  static TestTenant tenant = AsyncTenant.create("gq");
  static GraphqlPlane plane;
  static Http http;
  static GraphqlClient graphql;
  static String key;

  /** A catalogue of 12 things written before the tests, and its last position. */
  static String batch = "catalog";

  static long catalogLast;
  static Instant beforeCatalog;

  @BeforeAll
  static void start() throws Exception {
    plane = GraphqlPlane.start(tenant, dir);
    http = plane.http();
    key = tenant.key("app");
    graphql = new GraphqlClient(http, key);
    beforeCatalog = Instant.now();
    for (int i = 0; i < 12; i++) {
      ObjectNode e = event("c-" + i, i % 2 == 0 ? "item.priced" : "item.tagged", "cat/" + i);
      e.put("source", i < 6 ? "/shop" : "/warehouse");
      ObjectNode data = e.putObject("data");
      data.put("batch", batch).put("price", i * 10).put("color", i % 3 == 0 ? "red" : "blue");
      data.putObject("dims").put("w", i);
      catalogLast = position(http.post("/v1/events", key, "application/cloudevents+json", json(e)));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    plane.close();
  }

  static long position(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
    return reply.json().path("events").path(0).path("position").asLong();
  }

  @Test
  void oneEventByPositionAndByIdentity() {
    JsonNode data =
        graphql.data(
            "{ a: event(position: 1) { position id source type subject streamVersion recordedTime"
                + " specversion data extensions cloudEvent }"
                + " b: eventById(source: \"/shop\", id: \"c-1\") { position }"
                + " c: eventById(source: \"/shop\", id: \"nope\") { position }"
                + " d: event(position: 999999) { position } }");
    assertThat(data.path("a").path("id").asString()).isEqualTo("c-0");
    assertThat(data.path("a").path("specversion").asString()).isEqualTo("1.0");
    assertThat(data.path("a").path("data").path("price").asInt()).isZero();
    assertThat(data.path("a").path("cloudEvent").path("subject").asString()).isEqualTo("cat/0");
    assertThat(data.path("b").path("position").asLong()).isEqualTo(2);
    assertThat(data.path("c").isNull()).isTrue();
    assertThat(data.path("d").isNull()).isTrue();
  }

  @Test
  void eventsAreFilteredByTypeSubjectSourceAndTime() {
    String q =
        "query($f: EventFilter) { events(filter: $f, first: 100) { nodes { id type source } } }";
    assertThat(ids(graphql.data(q, Map.of("f", Map.of("types", List.of("item.tagged"))))))
        .containsExactly("c-1", "c-3", "c-5", "c-7", "c-9", "c-11");
    assertThat(ids(graphql.data(q, Map.of("f", Map.of("subjects", List.of("cat/2", "cat/4"))))))
        .containsExactly("c-2", "c-4");
    assertThat(
            ids(
                graphql.data(
                    q,
                    Map.of(
                        "f",
                        Map.of(
                            "sources", List.of("/warehouse"), "types", List.of("item.priced"))))))
        .containsExactly("c-6", "c-8", "c-10");
    assertThat(
            ids(
                graphql.data(
                    q,
                    Map.of(
                        "f",
                        Map.of(
                            "recordedFrom", beforeCatalog.toString(),
                            "subjects", List.of("cat/0"))))))
        .containsExactly("c-0");
    assertThat(
            ids(graphql.data(q, Map.of("f", Map.of("recordedBefore", beforeCatalog.toString())))))
        .isEmpty();
  }

  @Test
  void eventsPageForwardAndBackwardWithRelayCursors() {
    String q =
        "query($f: EventFilter, $first: Int, $after: String, $last: Int, $before: String) {"
            + " events(filter: $f, first: $first, after: $after, last: $last, before: $before) {"
            + " edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor"
            + " endCursor } } }";
    Map<String, Object> filter = Map.of("sources", List.of("/shop", "/warehouse"));
    var seen = new ArrayList<String>();
    String after = null;
    int pages = 0;
    while (true) {
      var vars = new java.util.HashMap<String, Object>(Map.of("f", filter, "first", 5));
      vars.put("after", after);
      JsonNode page = graphql.data(q, vars).path("events");
      page.path("edges").forEach(e -> seen.add(e.path("node").path("id").asString()));
      assertThat(page.path("pageInfo").path("hasPreviousPage").asBoolean()).isEqualTo(pages > 0);
      pages++;
      if (!page.path("pageInfo").path("hasNextPage").asBoolean()) {
        break;
      }
      after = page.path("pageInfo").path("endCursor").asString();
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(12).doesNotHaveDuplicates().startsWith("c-0").endsWith("c-11");

    JsonNode last = graphql.data(q, Map.of("f", filter, "last", 3)).path("events");
    assertThat(last.path("edges").findValuesAsString("id")).containsExactly("c-9", "c-10", "c-11");
    assertThat(last.path("pageInfo").path("hasPreviousPage").asBoolean()).isTrue();
    JsonNode earlier =
        graphql
            .data(
                q,
                Map.of(
                    "f",
                    filter,
                    "last",
                    3,
                    "before",
                    last.path("pageInfo").path("startCursor").asString()))
            .path("events");
    assertThat(earlier.path("edges").findValuesAsString("id")).containsExactly("c-6", "c-7", "c-8");
    assertThat(earlier.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
  }

  @Test
  void aCursorOfAnotherListIsRefused() {
    Reply reply = graphql.post("{ events(after: \"bm90IGEgY3Vyc29y\") { nodes { id } } }");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(GraphqlClient.code(reply)).isEqualTo("BAD_USER_INPUT");
  }

  @Test
  void aStreamListsItsEventsInVersionOrder() {
    for (int i = 0; i < 3; i++) {
      ObjectNode e = event(null, "item.tagged", "stream/x");
      e.putObject("data").put("i", i);
      http.post("/v1/events", key, "application/cloudevents+json", json(e));
    }
    JsonNode stream =
        graphql
            .data(
                "{ stream(subject: \"stream/x\") { subject version events(first: 2) { edges {"
                    + " cursor node { streamVersion data } } pageInfo { hasNextPage endCursor } } }"
                    + " none: stream(subject: \"never\") { version } }")
            .path("stream");
    assertThat(stream.path("version").asLong()).isEqualTo(3);
    assertThat(stream.path("events").path("edges").findValuesAsString("streamVersion"))
        .containsExactly("1", "2");
    String after = stream.path("events").path("pageInfo").path("endCursor").asString();
    JsonNode rest =
        graphql
            .data(
                "query($a: String) { stream(subject: \"stream/x\") { events(after: $a) { nodes {"
                    + " streamVersion } pageInfo { hasNextPage } } } }",
                Map.of("a", after))
            .path("stream")
            .path("events");
    assertThat(rest.path("nodes").path(0).path("streamVersion").asLong()).isEqualTo(3);
    assertThat(rest.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
  }

  @Test
  void oneThingReadsItsOwnWriteAndListsItsEvents() {
    ObjectNode e = event(null, "item.priced", "one/thing");
    e.putObject("data").put("price", 5);
    long p = position(http.post("/v1/events", key, "application/cloudevents+json", json(e)));
    JsonNode thing =
        graphql
            .data(
                "query($p: Long) { thing(id: \"one/thing\", minPosition: $p) { id version state"
                    + " deleted createdTime updatedTime lastEventType position events { nodes {"
                    + " position } } } }",
                Map.of("p", p))
            .path("thing");
    assertThat(thing.path("state").path("price").asInt()).isEqualTo(5);
    assertThat(thing.path("position").asLong()).isEqualTo(p);
    assertThat(thing.path("lastEventType").asString()).isEqualTo("item.priced");
    assertThat(thing.path("deleted").asBoolean()).isFalse();
    assertThat(thing.path("events").path("nodes").findValuesAsString("position"))
        .containsExactly(Long.toString(p));
    assertThat(graphql.data("{ thing(id: \"never\") { id } }").path("thing").isNull()).isTrue();
  }

  @Test
  void aPositionTheProjectionHasNotReachedIsAClearError() {
    Reply reply =
        graphql.post("{ thing(id: \"x\", minPosition: 99999999, waitMillis: 50) { id } }");
    assertThat(GraphqlClient.code(reply)).isEqualTo("PROJECTION_BEHIND");
    assertThat(reply.json().path("errors").path(0).path("extensions").has("appliedPosition"))
        .isTrue();
  }

  @Test
  void thingsAreFilteredOnStateAndOrdered() {
    String q =
        "query($w: [StateFilter!], $o: ThingOrder) { things(where: $w, orderBy: $o, first: 50,"
            + " minPosition: "
            + catalogLast
            + ") { nodes { id state } appliedPosition } }";
    Map<String, Object> inBatch = Map.of("path", "batch", "eq", batch);
    assertThat(
            thingIds(
                graphql.data(
                    q, Map.of("w", List.of(inBatch, Map.of("path", "color", "eq", "red"))))))
        .containsExactlyInAnyOrder("cat/0", "cat/3", "cat/6", "cat/9");
    assertThat(
            thingIds(
                graphql.data(
                    q,
                    Map.of(
                        "w", List.of(inBatch, Map.of("path", "price", "gte", 30, "lt", 60)),
                        "o", Map.of("field", "STATE", "path", "price", "direction", "DESC")))))
        .containsExactly("cat/5", "cat/4", "cat/3");
    assertThat(
            thingIds(
                graphql.data(
                    q,
                    Map.of(
                        "w", List.of(inBatch, Map.of("path", "dims.w", "in", List.of(1, 2, 11)))))))
        .containsExactlyInAnyOrder("cat/1", "cat/2", "cat/11");
    assertThat(
            thingIds(
                graphql.data(
                    q,
                    Map.of(
                        "w",
                        List.of(
                            inBatch,
                            Map.of("path", "color", "ne", "blue"),
                            Map.of("path", "price", "gt", 60))))))
        .containsExactlyInAnyOrder("cat/9");
    assertThat(
            thingIds(
                graphql.data(
                    q,
                    Map.of(
                        "w",
                        List.of(
                            Map.of("path", "color", "contains", "lu"),
                            Map.of("path", "dims.w", "lte", 1))))))
        .containsExactlyInAnyOrder("cat/1");
    assertThat(
            thingIds(
                graphql.data(
                    q, Map.of("w", List.of(inBatch, Map.of("path", "sale", "exists", false))))))
        .hasSize(12);
    JsonNode applied = graphql.data(q, Map.of("w", List.of(inBatch))).path("things");
    assertThat(applied.path("appliedPosition").asLong()).isGreaterThanOrEqualTo(catalogLast);
  }

  @Test
  void thingsPageWithCursorsInEveryOrdering() {
    for (String field : List.of("ID", "VERSION", "CREATED_TIME", "UPDATED_TIME", "STATE")) {
      for (String direction : List.of("ASC", "DESC")) {
        var order =
            new java.util.HashMap<String, Object>(Map.of("field", field, "direction", direction));
        if (field.equals("STATE")) {
          order.put("path", "price");
        }
        var seen = new ArrayList<String>();
        String after = null;
        do {
          var vars = new java.util.HashMap<String, Object>(Map.of("o", order));
          vars.put("a", after);
          JsonNode page =
              graphql
                  .data(
                      "query($o: ThingOrder, $a: String) { things(where: [{path: \"batch\", eq:"
                          + " \"catalog\"}], orderBy: $o, first: 5, after: $a, minPosition: "
                          + catalogLast
                          + ") { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }",
                      vars)
                  .path("things");
          page.path("edges").forEach(e -> seen.add(e.path("node").path("id").asString()));
          after =
              page.path("pageInfo").path("hasNextPage").asBoolean()
                  ? page.path("pageInfo").path("endCursor").asString()
                  : null;
        } while (after != null);
        assertThat(seen).as(field + " " + direction).hasSize(12).doesNotHaveDuplicates();
      }
    }
  }

  @Test
  void statsCountTheTenant() {
    JsonNode stats =
        graphql
            .data(
                "{ stats { tenant headPosition streams things deletedThings projectedPosition"
                    + " projectionLag eventTypes { type count } } }")
            .path("stats");
    assertThat(stats.path("tenant").asString()).isEqualTo("gq");
    assertThat(stats.path("headPosition").asLong()).isGreaterThanOrEqualTo(12);
    assertThat(stats.path("streams").asLong()).isGreaterThanOrEqualTo(12);
    assertThat(stats.path("eventTypes").findValuesAsString("type"))
        .contains("item.priced", "item.tagged");
    assertThat(stats.path("projectionLag").asLong())
        .isEqualTo(
            Math.max(
                0, stats.path("headPosition").asLong() - stats.path("projectedPosition").asLong()));
  }

  @Test
  void eventsSelectTheirThingsAndThingsTheirEventsInOneRequest() {
    JsonNode events =
        graphql
            .data(
                "{ events(filter: {sources: [\"/shop\"]}, first: 6) { nodes { subject thing { id"
                    + " state } } } things(where: [{path: \"batch\", eq: \"catalog\"}], first: 12,"
                    + " minPosition: "
                    + catalogLast
                    + ") { nodes { id events(first: 3) { nodes { subject } } } } }")
            .path("events")
            .path("nodes");
    for (JsonNode e : events) {
      assertThat(e.path("thing").path("id").asString()).isEqualTo(e.path("subject").asString());
    }
  }

  @Test
  void timeTravelMatchesAnIndependentFoldAtEveryPosition() {
    var generator = new RandomEvents(7, 3);
    var positions = new ArrayList<Long>();
    var folds = new ArrayList<Fold>();
    var fold = new Fold();
    for (int i = 0; i < 30; i++) {
      var g = generator.next();
      String subject = "tt/" + g.subject();
      ObjectNode e = event(null, g.type(), subject);
      if (g.data() != null) {
        e.set("data", g.data());
      }
      positions.add(
          position(http.post("/v1/events", key, "application/cloudevents+json", json(e))));
      switch (g.type()) {
        case "thing.deleted" -> fold.delete(subject);
        case "thing.replaced" -> fold.replace(subject, g.data());
        default -> fold.merge(subject, g.data());
      }
      folds.add(snapshot(fold));
    }
    for (int i = 0; i < positions.size(); i += 3) {
      Map<String, Fold.Expected> expected = folds.get(i).things();
      for (var entry : expected.entrySet()) {
        JsonNode thing =
            graphql
                .data(
                    "query($id: ID!, $p: Long) { thingAt(id: $id, position: $p) { version state"
                        + " deleted } }",
                    Map.of("id", entry.getKey(), "p", positions.get(i)))
                .path("thingAt");
        assertThat(thing.path("version").asLong())
            .as(entry.getKey())
            .isEqualTo(entry.getValue().version());
        assertThat(thing.path("deleted").asBoolean()).isEqualTo(entry.getValue().deleted());
        if (!entry.getValue().deleted()) {
          assertThat(thing.path("state")).as(entry.getKey()).isEqualTo(entry.getValue().state());
        }
      }
    }
    // By time: now is after every event, so the thing is as the whole log folds it.
    String subject = folds.getLast().things().keySet().iterator().next();
    JsonNode byTime =
        graphql
            .data(
                "query($id: ID!, $t: DateTime) { thingAt(id: $id, time: $t) { version } }",
                Map.of("id", subject, "t", Instant.now().toString()))
            .path("thingAt");
    assertThat(byTime.path("version").asLong()).isEqualTo(fold.things().get(subject).version());
    assertThat(
            graphql
                .data(
                    "query($t: DateTime) { thingAt(id: \"tt/0\", time: $t) { version } }",
                    Map.of("t", "2001-01-01T00:00:00Z"))
                .path("thingAt")
                .isNull())
        .isTrue();
    Reply both =
        graphql.post(
            "{ thingAt(id: \"tt/0\", position: 1, time: \"2001-01-01T00:00:00Z\") { id } }");
    assertThat(GraphqlClient.code(both)).isEqualTo("BAD_USER_INPUT");
  }

  /** A copy of a fold as it stands (a Fold keeps only the latest state per subject). */
  private static Fold snapshot(Fold fold) {
    var copy = new Fold();
    fold.things()
        .forEach(
            (subject, x) -> {
              for (long v = 1; v < x.version(); v++) {
                copy.merge(
                    subject, tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
              }
              if (x.deleted()) {
                copy.delete(subject);
              } else {
                copy.replace(subject, x.state());
              }
            });
    return copy;
  }

  private static List<String> ids(JsonNode data) {
    return data.path("events").path("nodes").findValuesAsString("id");
  }

  private static List<String> thingIds(JsonNode data) {
    var ids = new ArrayList<String>();
    data.path("things").path("nodes").forEach(n -> ids.add(n.path("id").asString()));
    return ids;
  }
}
