package io.tes.dataplane.ingest;

import static io.tes.dataplane.testing.Events.event;
import static io.tes.dataplane.testing.Events.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.testing.Http.Reply;
import io.tes.dataplane.testing.RunningDataPlane;
import io.tes.dataplane.testing.TestTenant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tenant with tight limits, a strict schema policy and a rate-limited key. */
class IngestLimitsTest {
  private static final String STRUCTURED = "application/cloudevents+json";
  private static final String BATCH = "application/cloudevents-batch+json";

  @TempDir static Path dataDir;
  static TestTenant tenant = new TestTenant("tight");
  static RunningDataPlane plane;
  static String key;

  @BeforeAll
  static void start() {
    key = tenant.addKey("writer", "ingest", "read");
    tenant.addRateLimitedKey("slow", "{perSecond: 0.5, burst: 2}", "ingest");
    tenant.with(
        """
        durability: os
        limits:
          maxEventBytes: 400
          maxBatchBytes: 2000
          maxBatchEvents: 3
        schemas:
          unknownTypes: reject
          types:
            known: {type: object}
            free: true
        """);
    plane = RunningDataPlane.start(tenant.config(), dataDir);
  }

  @AfterAll
  static void stop() {
    plane.close();
  }

  Reply post(String contentType, String body) {
    return plane.http().post("/v1/events", key, contentType, body);
  }

  long head() {
    return plane.dataPlane().log().headPosition();
  }

  @Test
  void anEventOverTheLimitIsTooLarge() {
    var event = event("big", "free", null);
    event.put("data", "x".repeat(500));
    long before = head();

    Reply reply = post(STRUCTURED, json(event));

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.problemType()).isEqualTo("payload-too-large");
    assertThat(reply.json().path("detail").asString()).contains("400");
    assertThat(head()).isEqualTo(before);
  }

  @Test
  void aBatchElementOverTheLimitIsNamed() {
    var big = event("b2", "free", null);
    big.put("data", "x".repeat(500));
    Reply reply = post(BATCH, json(new Object[] {event("b1", "free", null), big}));

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().path("detail").asString()).startsWith("Event 1 is");
  }

  @Test
  void aBodyOverTheBatchLimitIsRefusedBeforeParsing() {
    Reply reply = post(BATCH, "[" + " ".repeat(3000) + "]");
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().path("maxBytes").asInt()).isEqualTo(2000);
  }

  @Test
  void aBatchWithTooManyEventsIsRefused() {
    List<Object> events = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      events.add(event("many-" + i, "free", null));
    }
    long before = head();
    Reply reply = post(BATCH, json(events));
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().path("detail").asString()).contains("more than 3 events");
    assertThat(head()).isEqualTo(before);
  }

  @Test
  void unknownTypesAreRejectedWhenThePolicySaysSo() {
    Reply reply = post(STRUCTURED, json(event("u1", "mystery", null)));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.problemType()).isEqualTo("unknown-event-type");
    assertThat(reply.json().path("knownTypes").findValuesAsString("")).isEmpty();
    assertThat(reply.json().path("knownTypes").toString()).contains("known", "free");
    var known = event("k1", "known", null);
    known.putObject("data");
    assertThat(post(STRUCTURED, json(known)).status()).isEqualTo(201);
    assertThat(post(STRUCTURED, json(event("k2", "known", null))).status())
        .as("no data is not an object")
        .isEqualTo(422);
  }

  @Test
  void aRateLimitedKeyGets429WithRetryAfter() {
    String slow = tenant.key("slow");
    List<Integer> statuses = new ArrayList<>();
    Reply last = null;
    for (int i = 0; i < 4; i++) {
      last =
          plane.http().post("/v1/events", slow, STRUCTURED, json(event("rl-" + i, "free", null)));
      statuses.add(last.status());
    }

    assertThat(statuses).containsExactly(201, 201, 429, 429);
    assertThat(last.problemType()).isEqualTo("rate-limited");
    assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 2);
    assertThat(post(STRUCTURED, json(event("other-key", "free", null))).status())
        .as("other keys are not limited")
        .isEqualTo(201);
  }
}
