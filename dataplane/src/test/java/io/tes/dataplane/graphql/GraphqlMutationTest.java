package io.tes.dataplane.graphql;

import static io.tes.dataplane.testing.Events.event;
import static io.tes.dataplane.testing.Events.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.testing.Http;
import io.tes.dataplane.testing.Http.Reply;
import io.tes.dataplane.testing.TestTenant;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The emit mutations take the path of POST /v1/events: the same validation, size limits, schema
 * registry, dedupe and optimistic concurrency, each refusal a typed result.
 */
class GraphqlMutationTest {
  private static final String EMIT =
      "mutation($e: EventInput!) { emitEvent(event: $e) { __typename"
          + " ... on EventEmitted { receipt { id source subject position streamVersion"
          + " recordedTime duplicate event { type data extensions } } }"
          + " ... on EmitError { code message }"
          + " ... on InvalidEvent { attribute }"
          + " ... on SchemaViolation { violations { index location message } }"
          + " ... on UnknownEventType { knownTypes }"
          + " ... on DuplicateConflict { index source id existingPosition }"
          + " ... on VersionConflict { index subject expectedVersion currentVersion }"
          + " ... on RateLimited { retryAfterSeconds } } }";
  private static final String EMIT_BATCH =
      "mutation($e: [EventInput!]!) { emitEvents(events: $e) { __typename"
          + " ... on EventsEmitted { receipts { position duplicate } }"
          + " ... on EmitError { code message } } }";

  @TempDir static Path dir;
  static TestTenant tenant = new TestTenant("gm");
  static String writer = tenant.addKey("writer", "ingest", "read");
  static String reader = tenant.addKey("reader", "read");
  static String ingestOnly = tenant.addKey("producer", "ingest");
  static String limited = tenant.addRateLimitedKey("slow", "{perSecond: 1, burst: 1}", "ingest");
  static GraphqlPlane plane;
  static GraphqlClient graphql;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    tenant.with(
        """
        durability: os
        limits:
          maxEventBytes: 2048
          maxBatchEvents: 3
        schemas:
          unknownTypes: reject
          types:
            order.placed:
              type: object
              required: [total]
              properties:
                total: {type: number, minimum: 0}
            note.added: {}
        """);
    plane = GraphqlPlane.start(tenant, dir);
    http = plane.http();
    graphql = new GraphqlClient(http, writer);
  }

  @AfterAll
  static void stop() throws Exception {
    plane.close();
  }

  private static Map<String, Object> order(String id, Object total) {
    var e = new HashMap<String, Object>();
    e.put("source", "/shop");
    e.put("type", "order.placed");
    if (id != null) {
      e.put("id", id);
    }
    e.put("subject", "order/" + (id == null ? "anon" : id));
    e.put("data", Map.of("total", total));
    return e;
  }

  private static JsonNode emit(GraphqlClient client, Map<String, Object> event) {
    return client.data(EMIT, Map.of("e", event)).path("emitEvent");
  }

  @Test
  void anEventIsStoredAndItsReceiptShowsIt() {
    var e = order("o-1", 12.5);
    e.put("extensions", Map.of("traceparent", "00-abc", "priority", 3, "urgent", true));
    JsonNode result = emit(graphql, e);
    assertThat(result.path("__typename").asString()).isEqualTo("EventEmitted");
    JsonNode receipt = result.path("receipt");
    assertThat(receipt.path("duplicate").asBoolean()).isFalse();
    assertThat(receipt.path("streamVersion").asLong()).isEqualTo(1);
    assertThat(receipt.path("event").path("data").path("total").asDouble()).isEqualTo(12.5);
    assertThat(receipt.path("event").path("extensions").path("priority").asInt()).isEqualTo(3);

    // The REST API reads it back as it would any event.
    Reply rest = http.get("/v1/events/o-1?source=/shop", writer);
    assertThat(rest.json().path("event").path("urgent").asBoolean()).isTrue();
  }

  @Test
  void aServerAssignsMissingIds() {
    JsonNode receipt = emit(graphql, order(null, 1)).path("receipt");
    assertThat(receipt.path("id").asString()).hasSize(36);
  }

  @Test
  void aRetryIsADuplicateAndOtherContentUnderTheSameIdAConflict() {
    long first = emit(graphql, order("o-dup", 1)).path("receipt").path("position").asLong();
    JsonNode again = emit(graphql, order("o-dup", 1));
    assertThat(again.path("receipt").path("duplicate").asBoolean()).isTrue();
    assertThat(again.path("receipt").path("position").asLong()).isEqualTo(first);

    JsonNode conflict = emit(graphql, order("o-dup", 2));
    assertThat(conflict.path("__typename").asString()).isEqualTo("DuplicateConflict");
    assertThat(conflict.path("code").asString()).isEqualTo("DUPLICATE_ID_CONFLICT");
    assertThat(conflict.path("existingPosition").asLong()).isEqualTo(first);
    assertThat(conflict.path("id").asString()).isEqualTo("o-dup");
  }

  @Test
  void anEventSentOverRestIsADuplicateOverGraphql() {
    var rest = event("o-rest", "order.placed", "order/o-rest");
    rest.put("source", "/shop");
    rest.putObject("data").put("total", 4);
    assertThat(http.post("/v1/events", writer, "application/cloudevents+json", json(rest)).status())
        .isEqualTo(201);
    var same = order("o-rest", 4);
    assertThat(emit(graphql, same).path("receipt").path("duplicate").asBoolean()).isTrue();
  }

  @Test
  void anUnexpectedStreamVersionIsAVersionConflict() {
    var e = order("o-v1", 1);
    e.put("subject", "order/versioned");
    e.put("expectedVersion", 0L);
    assertThat(emit(graphql, e).path("__typename").asString()).isEqualTo("EventEmitted");
    var stale = order("o-v2", 1);
    stale.put("subject", "order/versioned");
    stale.put("expectedVersion", 0L);
    JsonNode conflict = emit(graphql, stale);
    assertThat(conflict.path("__typename").asString()).isEqualTo("VersionConflict");
    assertThat(conflict.path("expectedVersion").asLong()).isZero();
    assertThat(conflict.path("currentVersion").asLong()).isEqualTo(1);
    assertThat(conflict.path("subject").asString()).isEqualTo("order/versioned");
  }

  @Test
  void dataAgainstItsSchemaIsASchemaViolation() {
    JsonNode violation = emit(graphql, order("o-neg", -5));
    assertThat(violation.path("__typename").asString()).isEqualTo("SchemaViolation");
    assertThat(violation.path("violations").path(0).path("location").asString())
        .isEqualTo("/total");
  }

  @Test
  void anUnregisteredTypeIsUnknown() {
    var e = order("o-x", 1);
    e.put("type", "order.shipped");
    JsonNode unknown = emit(graphql, e);
    assertThat(unknown.path("__typename").asString()).isEqualTo("UnknownEventType");
    assertThat(unknown.path("knownTypes").toString()).contains("order.placed", "note.added");
  }

  @Test
  void attributesBreakingCloudEventsAreInvalid() {
    record Case(String field, Object value, String attribute) {}
    for (Case c :
        List.of(
            new Case("source", "", "source"),
            new Case("time", "yesterday", "time"),
            new Case("dataschema", "relative/path", "dataschema"),
            new Case("extensions", Map.of("Bad-Name", "x"), "Bad-Name"),
            new Case("extensions", Map.of("id", "x"), "id"),
            new Case("extensions", Map.of("nested", Map.of("a", 1)), "nested"))) {
      var e = order("o-bad", 1);
      e.put(c.field(), c.value());
      JsonNode invalid = emit(graphql, e);
      assertThat(invalid.path("__typename").asString()).as(c.toString()).isEqualTo("InvalidEvent");
      assertThat(invalid.path("code").asString()).isEqualTo("INVALID_EVENT");
      assertThat(invalid.path("attribute").asString()).as(c.toString()).isEqualTo(c.attribute());
    }
  }

  @Test
  void anEventOverTheSizeLimitIsTooLarge() {
    var e = order("o-big", 1);
    e.put("type", "note.added");
    e.put("data", Map.of("text", "x".repeat(3000)));
    JsonNode tooLarge = emit(graphql, e);
    assertThat(tooLarge.path("__typename").asString()).isEqualTo("EventTooLarge");
    assertThat(tooLarge.path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void aBatchIsAtomic() {
    long before = headPosition();
    JsonNode refused =
        graphql
            .data(EMIT_BATCH, Map.of("e", List.of(order("b-1", 1), order("b-2", -1))))
            .path("emitEvents");
    assertThat(refused.path("__typename").asString()).isEqualTo("SchemaViolation");
    assertThat(headPosition()).isEqualTo(before);

    var stale = order("b-3", 1);
    stale.put("subject", "order/b-stale");
    stale.put("expectedVersion", 7L);
    JsonNode conflict =
        graphql.data(EMIT_BATCH, Map.of("e", List.of(order("b-1", 1), stale))).path("emitEvents");
    assertThat(conflict.path("__typename").asString()).isEqualTo("VersionConflict");
    assertThat(headPosition()).isEqualTo(before);

    JsonNode stored =
        graphql
            .data(EMIT_BATCH, Map.of("e", List.of(order("b-1", 1), order("b-2", 2))))
            .path("emitEvents");
    assertThat(stored.path("receipts").size()).isEqualTo(2);
    assertThat(headPosition()).isEqualTo(before + 2);

    JsonNode tooMany =
        graphql
            .data(
                EMIT_BATCH,
                Map.of(
                    "e",
                    List.of(order("m-1", 1), order("m-2", 1), order("m-3", 1), order("m-4", 1))))
            .path("emitEvents");
    assertThat(tooMany.path("__typename").asString()).isEqualTo("EventTooLarge");
  }

  @Test
  void aKeyOverItsRateLimitIsRateLimited() {
    var client = graphql.as(limited);
    String query =
        "mutation($e: EventInput!) { emitEvent(event: $e) { __typename ... on RateLimited { retryAfterSeconds } } }";
    JsonNode first = client.data(query, Map.of("e", order("r-1", 1))).path("emitEvent");
    JsonNode second = client.data(query, Map.of("e", order("r-2", 1))).path("emitEvent");
    assertThat(first.path("__typename").asString()).isEqualTo("EventEmitted");
    assertThat(second.path("__typename").asString()).isEqualTo("RateLimited");
    assertThat(second.path("retryAfterSeconds").asInt()).isPositive();
  }

  @Test
  void mutationsNeedTheIngestScopeAndQueriesTheReadScope() {
    Reply mutation = graphql.as(reader).post(EMIT, Map.of("e", order("s-1", 1)));
    assertThat(mutation.status()).isEqualTo(403);
    assertThat(GraphqlClient.code(mutation)).isEqualTo("FORBIDDEN");
    assertThat(mutation.json().has("data")).isFalse();

    Reply query = graphql.as(ingestOnly).post("{ stats { tenant } }");
    assertThat(query.status()).isEqualTo(403);
    assertThat(GraphqlClient.code(query)).isEqualTo("FORBIDDEN");

    JsonNode ok = graphql.as(ingestOnly).data(EMIT, Map.of("e", order("s-2", 1)));
    assertThat(ok.path("emitEvent").path("__typename").asString()).isEqualTo("EventEmitted");
  }

  private static long headPosition() {
    return graphql.data("{ stats { headPosition } }").path("stats").path("headPosition").asLong();
  }
}
