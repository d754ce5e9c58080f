package io.tes.dataplane.ingest;

import static io.tes.dataplane.testing.Events.event;
import static io.tes.dataplane.testing.Events.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.http.Json;
import io.tes.dataplane.testing.Http;
import io.tes.dataplane.testing.Http.Reply;
import io.tes.dataplane.testing.RunningDataPlane;
import io.tes.dataplane.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** POST /v1/events over real HTTP against a real SQLite log, one mode and one error at a time. */
class IngestApiTest {
  private static final String STRUCTURED = "application/cloudevents+json";
  private static final String BATCH = "application/cloudevents-batch+json";

  @TempDir static Path dataDir;
  static TestTenant tenant = new TestTenant("acme");
  static RunningDataPlane plane;
  static Http http;
  static String key;

  @BeforeAll
  static void start() {
    key = tenant.addKey("writer", "ingest", "read");
    tenant.addKey("reader", "read");
    tenant.with(
        """
        schemas:
          unknownTypes: accept
          types:
            com.acme.price.changed:
              type: object
              required: [price, currency]
              properties:
                price: {type: number, minimum: 0}
                currency: {type: string, pattern: "^[A-Z]{3}$"}
        """);
    plane = RunningDataPlane.start(tenant.config(), dataDir);
    http = plane.http();
  }

  @AfterAll
  static void stop() {
    plane.close();
  }

  static Reply postStructured(Object event) {
    return http.post("/v1/events", key, STRUCTURED, json(event));
  }

  static long head() {
    return plane.dataPlane().log().headPosition();
  }

  /** Runs a request that must be refused and checks that the log did not change. */
  static Reply refused(java.util.function.Supplier<Reply> request, int status, String type) {
    long before = head();
    Reply reply = request.get();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reply.problemType()).isEqualTo(type);
    assertThat(reply.json().path("detail").asString()).isNotBlank();
    assertThat(reply.text()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(head()).as("a refused request stores nothing").isEqualTo(before);
    return reply;
  }

  static String unique() {
    return UUID.randomUUID().toString();
  }

  @Nested
  class StructuredMode {
    @Test
    void storesTheEventAndAnswersWithItsReceipt() {
      String subject = "sku-" + unique();
      var event = event(unique(), "com.acme.price.changed", subject);
      event.put("time", "2026-11-27T10:00:00.123Z");
      event.put("region", "eu");
      event.put("priority", 3);
      event.put("urgent", true);
      event.putObject("data").put("price", 12.5).put("currency", "EUR");

      Reply reply = postStructured(event);

      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
      JsonNode receipt = reply.json().path("events").get(0);
      assertThat(receipt.path("id").asString()).isEqualTo(event.get("id").asString());
      assertThat(receipt.path("subject").asString()).isEqualTo(subject);
      assertThat(receipt.path("streamVersion").asLong()).isEqualTo(1);
      assertThat(receipt.path("duplicate").asBoolean()).isFalse();
      long position = receipt.path("position").asLong();
      assertThat(position).isEqualTo(head());

      JsonNode stored = http.get("/v1/events/" + event.get("id").asString(), key).json();
      assertThat(stored.path("position").asLong()).isEqualTo(position);
      assertThat(stored.path("event")).isEqualTo(event);
    }

    @Test
    void assignsAUuidV7WhenTheIdIsMissing() {
      Reply reply = postStructured(event(null, "note", null));

      assertThat(reply.status()).isEqualTo(201);
      UUID id = UUID.fromString(reply.json().path("events").get(0).path("id").asString());
      assertThat(id.version()).isEqualTo(7);
      assertThat(reply.json().path("events").get(0).has("streamVersion")).isFalse();
    }

    @Test
    void theSameEventAgainReturnsTheOriginalReceiptAndStoresNothing() {
      var event = event(unique(), "note", "thing-" + unique());
      event.putObject("data").put("a", 1);
      JsonNode first = postStructured(event).json().path("events").get(0);
      long before = head();

      Reply again = postStructured(event);

      assertThat(again.status()).isEqualTo(200);
      JsonNode second = again.json().path("events").get(0);
      assertThat(second.path("duplicate").asBoolean()).isTrue();
      assertThat(second.path("position")).isEqualTo(first.path("position"));
      assertThat(second.path("streamVersion")).isEqualTo(first.path("streamVersion"));
      assertThat(second.path("recordedTime")).isEqualTo(first.path("recordedTime"));
      assertThat(head()).isEqualTo(before);
    }

    @Test
    void theSameSourceAndIdWithOtherContentIsAConflict() {
      var event = event(unique(), "note", "thing-" + unique());
      event.putObject("data").put("a", 1);
      long position = postStructured(event).json().path("events").get(0).path("position").asLong();
      event.putObject("data").put("a", 2);

      Reply reply = refused(() -> postStructured(event), 409, "duplicate-id-conflict");

      assertThat(reply.json().path("existingPosition").asLong()).isEqualTo(position);
    }

    @Test
    void anExpectedVersionThatMatchesIsAppended() {
      String subject = "order-" + unique();
      var first = event(unique(), "created", subject);
      first.put("expectedversion", 0);
      var second = event(unique(), "paid", subject);
      second.put("expectedversion", "1");

      assertThat(postStructured(first).status()).isEqualTo(201);
      Reply reply = postStructured(second);

      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
      assertThat(reply.json().path("events").get(0).path("streamVersion").asLong()).isEqualTo(2);
    }

    @Test
    void anExpectedVersionThatDiffersIsAConflictReportingTheCurrentVersion() {
      String subject = "order-" + unique();
      postStructured(event(unique(), "created", subject));
      var stale = event(unique(), "paid", subject);
      stale.put("expectedversion", 0);

      Reply reply = refused(() -> postStructured(stale), 409, "version-conflict");

      assertThat(reply.json().path("currentVersion").asLong()).isEqualTo(1);
      assertThat(reply.json().path("expectedVersion").asLong()).isEqualTo(0);
      assertThat(reply.json().path("subject").asString()).isEqualTo(subject);
    }

    @Test
    void binaryDataTravelsAsBase64() {
      byte[] bytes = {0, 1, 2, (byte) 0xFF, 10};
      var event = event(unique(), "blob", "b-" + unique());
      event.put("datacontenttype", "application/octet-stream");
      event.put("data_base64", Base64.getEncoder().encodeToString(bytes));

      assertThat(postStructured(event).status()).isEqualTo(201);

      JsonNode stored = http.get("/v1/events/" + event.get("id").asString(), key).json();
      assertThat(Base64.getDecoder().decode(stored.path("event").path("data_base64").asString()))
          .isEqualTo(bytes);
    }

    @Test
    void textDataOfANonJsonTypeStaysAString() {
      var event = event(unique(), "note", null);
      event.put("datacontenttype", "text/plain; charset=utf-8");
      event.put("data", "{not json}");

      assertThat(postStructured(event).status()).isEqualTo(201);

      JsonNode stored = http.get("/v1/events/" + event.get("id").asString(), key).json();
      assertThat(stored.path("event").path("data").asString()).isEqualTo("{not json}");
    }

    @Test
    void eachMissingRequiredAttributeIsNamed() {
      for (String attribute : new String[] {"specversion", "source", "type"}) {
        var event = event(unique(), "note", null);
        event.remove(attribute);
        Reply reply = refused(() -> postStructured(event), 400, "invalid-event");
        assertThat(reply.json().path("attribute").asString()).isEqualTo(attribute);
        assertThat(reply.json().path("detail").asString()).contains(attribute);
      }
    }

    @Test
    void invalidAttributesAreRefusedWithTheirName() {
      String[][] cases = {
        {"specversion", "\"0.3\""},
        {"time", "\"yesterday\""},
        {"dataschema", "\"relative/path\""},
        {"datacontenttype", "\"not a media type\""},
        {"subject", "\"\""},
        {"id", "\"\""},
        {"source", "\"has space\""},
        {"type", "42"},
        {"expectedversion", "\"-3\""},
        {"Upper", "\"x\""},
        {"nested", "{\"a\":1}"},
        {"huge", "4294967296"},
      };
      for (String[] c : cases) {
        var event = event(unique(), "t", "s");
        event.set(c[0], Json.mapper().readTree(c[1]));
        Reply reply = refused(() -> postStructured(event), 400, "invalid-event");
        assertThat(reply.json().path("attribute").asString()).as(c[0]).isEqualTo(c[0]);
      }
    }

    @Test
    void malformedJsonAndDuplicateMembersAreBadRequests() {
      refused(
          () -> http.post("/v1/events", key, STRUCTURED, "{\"specversion\":"),
          400,
          "invalid-event");
      refused(
          () ->
              http.post(
                  "/v1/events",
                  key,
                  STRUCTURED,
                  "{\"specversion\":\"1.0\",\"id\":\"a\",\"id\":\"b\",\"source\":\"/s\",\"type\":\"t\"}"),
          400,
          "invalid-event");
      refused(() -> http.post("/v1/events", key, STRUCTURED, "[1]"), 400, "invalid-event");
      refused(() -> http.post("/v1/events", key, STRUCTURED, ""), 400, "invalid-event");
    }

    @Test
    void dataAndDataBase64TogetherAreRefused() {
      var event = event(unique(), "note", null);
      event.put("data", "x");
      event.put("data_base64", "eA==");
      refused(() -> postStructured(event), 400, "invalid-event");
    }

    @Test
    void expectedVersionWithoutSubjectIsRefused() {
      var event = event(unique(), "note", null);
      event.put("expectedversion", 1);
      refused(() -> postStructured(event), 400, "invalid-event");
    }
  }

  @Nested
  class BinaryMode {
    @Test
    void attributesComeFromPercentEncodedHeaders() {
      String id = unique();
      Reply reply =
          http.post(
              "/v1/events",
              key,
              "application/json",
              "{\"price\": 3, \"currency\": \"USD\"}",
              "ce-specversion",
              "1.0",
              "ce-id",
              id,
              "ce-source",
              "/shop",
              "ce-type",
              "com.acme.price.changed",
              "ce-subject",
              "caf%C3%A9%20cr%C3%A8me%22",
              "ce-tenantref",
              "A%25B");

      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
      JsonNode event = http.get("/v1/events/" + id, key).json().path("event");
      assertThat(event.path("subject").asString()).isEqualTo("café crème\"");
      assertThat(event.path("tenantref").asString()).isEqualTo("A%B");
      assertThat(event.path("datacontenttype").asString()).isEqualTo("application/json");
      assertThat(event.path("data").path("price").asInt()).isEqualTo(3);
    }

    @Test
    void opaqueBodiesAreStoredByteForByte() {
      String id = unique();
      byte[] body = {(byte) 0xC3, 0x28, 0, 7};
      Reply reply =
          http.post(
              "/v1/events",
              key,
              "application/octet-stream",
              body,
              "ce-specversion",
              "1.0",
              "ce-id",
              id,
              "ce-source",
              "/cam",
              "ce-type",
              "frame");

      assertThat(reply.status()).isEqualTo(201);
      JsonNode event = http.get("/v1/events/" + id, key).json().path("event");
      assertThat(Base64.getDecoder().decode(event.path("data_base64").asString())).isEqualTo(body);
    }

    @Test
    void aMissingHeaderIsNamed() {
      Reply reply =
          refused(
              () ->
                  http.post(
                      "/v1/events",
                      key,
                      "text/plain",
                      "hi",
                      "ce-specversion",
                      "1.0",
                      "ce-id",
                      unique(),
                      "ce-type",
                      "t"),
              400,
              "invalid-event");
      assertThat(reply.json().path("attribute").asString()).isEqualTo("source");
    }

    @Test
    void brokenPercentEncodingIsRefused() {
      refused(
          () ->
              http.post(
                  "/v1/events",
                  key,
                  "text/plain",
                  "hi",
                  "ce-specversion",
                  "1.0",
                  "ce-id",
                  unique(),
                  "ce-source",
                  "/s",
                  "ce-type",
                  "t",
                  "ce-subject",
                  "bad%zz"),
          400,
          "invalid-event");
    }

    @Test
    void aJsonBodyThatIsNotJsonIsRefused() {
      refused(
          () ->
              http.post(
                  "/v1/events",
                  key,
                  "application/json",
                  "{oops",
                  "ce-specversion",
                  "1.0",
                  "ce-id",
                  unique(),
                  "ce-source",
                  "/s",
                  "ce-type",
                  "t"),
          400,
          "invalid-event");
    }
  }

  @Nested
  class BatchMode {
    @Test
    void storesAllEventsInOrder() {
      String subject = "batch-" + unique();
      var events =
          json(
              new Object[] {
                event(unique(), "a", subject),
                event(unique(), "b", subject),
                event(unique(), "c", null)
              });

      Reply reply = http.post("/v1/events", key, BATCH, events);

      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
      JsonNode receipts = reply.json().path("events");
      assertThat(receipts).hasSize(3);
      long first = receipts.get(0).path("position").asLong();
      assertThat(receipts.get(1).path("position").asLong()).isEqualTo(first + 1);
      assertThat(receipts.get(2).path("position").asLong()).isEqualTo(first + 2);
      assertThat(receipts.get(0).path("streamVersion").asLong()).isEqualTo(1);
      assertThat(receipts.get(1).path("streamVersion").asLong()).isEqualTo(2);
    }

    @Test
    void isAtomicWhenOneEventConflicts() {
      String subject = "atomic-" + unique();
      var conflicting = event(unique(), "b", subject);
      conflicting.put("expectedversion", 5);
      var batch = json(new Object[] {event(unique(), "a", subject), conflicting});

      Reply reply =
          refused(() -> http.post("/v1/events", key, BATCH, batch), 409, "version-conflict");

      assertThat(reply.json().path("index").asInt()).isEqualTo(1);
      assertThat(reply.json().path("currentVersion").asLong()).isEqualTo(1);
      assertThat(plane.dataPlane().log().streamVersion(subject)).isZero();
    }

    @Test
    void isAtomicWhenOneEventViolatesItsSchema() {
      var bad = event(unique(), "com.acme.price.changed", "p");
      bad.putObject("data").put("price", -1).put("currency", "eur");
      var batch = json(new Object[] {event(unique(), "a", null), bad});

      Reply reply =
          refused(() -> http.post("/v1/events", key, BATCH, batch), 422, "schema-violation");

      JsonNode violations = reply.json().path("violations");
      assertThat(violations).hasSize(2);
      assertThat(violations.get(0).path("index").asInt()).isEqualTo(1);
      assertThat(violations.findValuesAsString("location"))
          .containsExactlyInAnyOrder("/price", "/currency");
    }

    @Test
    void aDuplicateInsideABatchReturnsTheFirstReceipt() {
      var event = event(unique(), "a", null);
      Reply reply = http.post("/v1/events", key, BATCH, json(new Object[] {event, event}));

      assertThat(reply.status()).isEqualTo(201);
      JsonNode receipts = reply.json().path("events");
      assertThat(receipts.get(1).path("duplicate").asBoolean()).isTrue();
      assertThat(receipts.get(1).path("position")).isEqualTo(receipts.get(0).path("position"));
    }

    @Test
    void anEmptyBatchStoresNothing() {
      Reply reply = http.post("/v1/events", key, BATCH, "[]");
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().path("events")).isEmpty();
    }

    @Test
    void aBatchThatIsNotAnArrayIsRefused() {
      refused(
          () -> http.post("/v1/events", key, BATCH, json(event(unique(), "a", null))),
          400,
          "invalid-event");
      refused(
          () -> http.post("/v1/events", key, BATCH, "[{\"specversion\":\"1.0\"}] x"),
          400,
          "invalid-event");
    }

    @Test
    void anInvalidElementIsNamedByIndex() {
      var bad = event(unique(), "a", null);
      bad.remove("source");
      Reply reply =
          refused(
              () ->
                  http.post(
                      "/v1/events",
                      key,
                      BATCH,
                      json(new Object[] {event(unique(), "a", null), bad})),
              400,
              "invalid-event");
      assertThat(reply.json().path("detail").asString()).startsWith("Event 1:");
    }
  }

  @Nested
  class Refusals {
    @Test
    void requestsWithoutAValidKeyAreUnauthenticated() {
      String body = json(event(unique(), "a", null));
      refused(() -> http.post("/v1/events", null, STRUCTURED, body), 401, "unauthenticated");
      refused(
          () -> http.post("/v1/events", "tes_acme_wrong", STRUCTURED, body),
          401,
          "unauthenticated");
      Reply foreign =
          refused(
              () -> http.post("/v1/events", "tes_globex_abc", STRUCTURED, body),
              401,
              "unauthenticated");
      assertThat(foreign.json().path("detail").asString()).contains("another tenant");
      refused(
          () ->
              http.send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(http.base() + "/v1/events"))
                      .header("Authorization", "Basic " + key)
                      .header("Content-Type", STRUCTURED)
                      .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                      .build()),
          401,
          "unauthenticated");
    }

    @Test
    void aKeyOfAnotherTenantIsRefusedEvenWithTheSameFormat() {
      var other = new TestTenant("globex");
      String foreignKey = other.addKey("writer", "ingest");
      refused(
          () -> http.post("/v1/events", foreignKey, STRUCTURED, json(event(unique(), "a", null))),
          401,
          "unauthenticated");
    }

    @Test
    void aKeyWithoutTheScopeIsForbidden() {
      refused(
          () ->
              http.post(
                  "/v1/events", tenant.key("reader"), STRUCTURED, json(event(unique(), "a", null))),
          403,
          "forbidden");
    }

    @Test
    void unsupportedContentTypesAreRefused() {
      refused(
          () -> http.post("/v1/events", key, "text/plain", "hello"), 415, "unsupported-media-type");
      refused(() -> http.post("/v1/events", key, null, "hello"), 415, "unsupported-media-type");
      refused(
          () -> http.post("/v1/events", key, "application/cloudevents+xml", "<e/>"),
          415,
          "unsupported-media-type");
    }

    @Test
    void schemaViolationsAreListedWithTheirLocation() {
      var event = event(unique(), "com.acme.price.changed", "p");
      event.putObject("data").put("price", "cheap");
      Reply reply = refused(() -> postStructured(event), 422, "schema-violation");

      assertThat(reply.json().path("violations").findValuesAsString("location"))
          .containsExactlyInAnyOrder("/price", "");
    }

    @Test
    void otherMethodsAreNotAllowed() {
      Reply reply =
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + "/v1/events"))
                  .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                  .build());
      assertThat(reply.status()).isEqualTo(405);
      assertThat(reply.header("Allow")).isEqualTo("GET, POST");
      assertThat(reply.problemType()).isEqualTo("method-not-allowed");
    }

    @Test
    void unknownPathsAreProblemDocuments() {
      Reply reply = http.get("/v2/nothing", key);
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }
  }

  @Nested
  class Reads {
    @Test
    void eventsArePagedInGlobalOrder() {
      for (int i = 0; i < 5; i++) {
        postStructured(event(unique(), "page", null));
      }
      long after = head() - 5;
      JsonNode page1 = http.get("/v1/events?after=" + after + "&limit=3", key).json();
      JsonNode page2 =
          http.get("/v1/events?after=" + page1.path("nextAfter").asLong() + "&limit=3", key).json();

      assertThat(page1.path("events").findValues("position").stream().map(JsonNode::asLong))
          .containsExactly(after + 1, after + 2, after + 3);
      assertThat(page2.path("events").findValues("position").stream().map(JsonNode::asLong))
          .startsWith(after + 4, after + 5);
    }

    @Test
    void aStreamListsItsEventsByVersion() {
      String subject = "orders/" + unique() + "/line 1";
      postStructured(event(unique(), "a", subject));
      postStructured(event(unique(), "b", subject));
      String encoded =
          java.net.URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");

      JsonNode stream = http.get("/v1/streams/" + encoded + "/events", key).json();

      assertThat(stream.path("subject").asString()).isEqualTo(subject);
      assertThat(stream.path("version").asLong()).isEqualTo(2);
      assertThat(stream.path("events").findValuesAsString("type")).containsExactly("a", "b");
      JsonNode rest = http.get("/v1/streams/" + encoded + "/events?afterVersion=1", key).json();
      assertThat(rest.path("events").findValuesAsString("type")).containsExactly("b");
    }

    @Test
    void anIdSharedBySourcesNeedsTheSource() {
      String id = unique();
      var one = event(id, "a", null);
      var two = event(id, "a", null);
      two.put("source", "/other");
      postStructured(one);
      postStructured(two);

      Reply ambiguous = http.get("/v1/events/" + id, key);
      assertThat(ambiguous.status()).isEqualTo(409);
      assertThat(ambiguous.problemType()).isEqualTo("ambiguous-id");
      Reply chosen = http.get("/v1/events/" + id + "?source=/other", key);
      assertThat(chosen.json().path("event").path("source").asString()).isEqualTo("/other");
      assertThat(http.get("/v1/events/" + unique(), key).status()).isEqualTo(404);
    }

    @Test
    void readsNeedTheReadScopeAndValidParameters() {
      var writeOnly = new TestTenant("acme");
      assertThat(http.get("/v1/events", null).status()).isEqualTo(401);
      Reply bad = http.get("/v1/events?limit=100000", key);
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.json().path("parameter").asString()).isEqualTo("limit");
      assertThat(http.get("/v1/events?after=x", key).status()).isEqualTo(400);
      assertThat(writeOnly.yaml()).isNotEmpty();
    }

    @Test
    void readinessReportsTheDatabase() {
      Reply ready = http.get("/health/ready", null);
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().path("checks").path("database").path("status").asString())
          .isEqualTo("UP");
      assertThat(http.get("/health/live", null).status()).isEqualTo(200);
    }

    @Test
    void metricsCountIngestOutcomesAndLatency() {
      postStructured(event(unique(), "metered", null));
      String metrics = http.get("/metrics", null).text();
      assertThat(metrics)
          .contains("tes_ingest_duration_seconds_bucket{mode=\"structured\"")
          .contains("tes_ingest_requests_total{outcome=\"created\"}")
          .contains("tes_log_commit_duration_seconds_count")
          .contains("tes_events_appended_total");
    }
  }
}
