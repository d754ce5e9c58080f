package io.tes.dataplane.log;

import static io.tes.dataplane.testing.Events.event;
import static io.tes.dataplane.testing.Events.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.testing.ChildDataPlane;
import io.tes.dataplane.testing.Http;
import io.tes.dataplane.testing.Http.Reply;
import io.tes.dataplane.testing.TestTenant;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Kills a data plane with SIGKILL while clients write, restarts it, and checks that every
 * acknowledged event survived at its acknowledged position, and that the database is intact.
 */
class CrashSafetyTest {
  private static final String STRUCTURED = "application/cloudevents+json";
  private static final String BATCH = "application/cloudevents-batch+json";

  @TempDir Path dataDir;

  /** What a client was told for an event it sent. */
  record Ack(long position, long streamVersion, String subject, int payload) {}

  @Test
  void everyAcknowledgedEventSurvivesSigkill() throws Exception {
    var tenant = new TestTenant("crashy");
    String key = tenant.addKey("writer", "ingest", "read");
    Map<String, Ack> acked = new ConcurrentHashMap<>();
    AtomicInteger sequence = new AtomicInteger();

    for (int round = 0; round < 3; round++) {
      try (ChildDataPlane child = ChildDataPlane.start(dataDir, tenant.yaml(), Map.of())) {
        verify(child.http(), key, acked);
        AtomicBoolean stop = new AtomicBoolean();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
          for (int c = 0; c < 12; c++) {
            int client = c;
            pool.submit(() -> write(child.http(), key, client, sequence, stop, acked));
          }
          Thread.sleep(1500);
          child.kill();
          stop.set(true);
        }
      }
    }

    try (ChildDataPlane child = ChildDataPlane.start(dataDir, tenant.yaml(), Map.of())) {
      verify(child.http(), key, acked);
      Reply after =
          child.http().post("/v1/events", key, STRUCTURED, json(event("after", "t", null)));
      assertThat(after.status()).isEqualTo(201);
    }
    assertThat(acked).hasSizeGreaterThan(100);
    try (var db =
            DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(EventLog.FILE_NAME));
        var rs = db.createStatement().executeQuery("PRAGMA integrity_check")) {
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
  }

  private static Void write(
      Http http,
      String key,
      int client,
      AtomicInteger sequence,
      AtomicBoolean stop,
      Map<String, Ack> acked) {
    while (!stop.get()) {
      int n = sequence.incrementAndGet();
      String subject = "s" + (n % 7);
      Reply reply;
      List<Integer> payloads = new ArrayList<>();
      try {
        if (n % 5 == 0) {
          var a = event("e" + n + "a", "t", subject);
          a.putObject("data").put("n", n * 10);
          var b = event("e" + n + "b", "t", "s-batch");
          b.putObject("data").put("n", n * 10 + 1);
          payloads.add(n * 10);
          payloads.add(n * 10 + 1);
          reply = http.post("/v1/events", key, BATCH, json(new Object[] {a, b}));
        } else {
          var e = event("e" + n, "t", subject);
          e.putObject("data").put("n", n * 10).put("client", client);
          payloads.add(n * 10);
          reply = http.post("/v1/events", key, STRUCTURED, json(e));
        }
      } catch (RuntimeException connectionLost) {
        return null;
      }
      if (reply.status() != 201) {
        continue;
      }
      JsonNode receipts = reply.json().path("events");
      for (int i = 0; i < receipts.size(); i++) {
        JsonNode r = receipts.get(i);
        acked.put(
            r.path("id").asString(),
            new Ack(
                r.path("position").asLong(),
                r.path("streamVersion").asLong(),
                r.path("subject").asString(),
                payloads.get(i)));
      }
    }
    return null;
  }

  private static void verify(Http http, String key, Map<String, Ack> acked) {
    Map<String, JsonNode> byId = new HashMap<>();
    Map<String, Long> versions = new HashMap<>();
    long expectedPosition = 1;
    long after = 0;
    while (true) {
      JsonNode page = http.get("/v1/events?after=" + after + "&limit=1000", key).json();
      JsonNode events = page.path("events");
      if (events.isEmpty()) {
        break;
      }
      for (JsonNode stored : events) {
        assertThat(stored.path("position").asLong()).isEqualTo(expectedPosition++);
        JsonNode event = stored.path("event");
        String subject = event.path("subject").asString();
        long version = stored.path("streamVersion").asLong();
        assertThat(version).isEqualTo(versions.getOrDefault(subject, 0L) + 1);
        versions.put(subject, version);
        byId.put(event.path("id").asString(), stored);
      }
      after = page.path("nextAfter").asLong();
    }
    acked.forEach(
        (id, ack) -> {
          JsonNode stored = byId.get(id);
          assertThat(stored).as("acknowledged event %s is in the log", id).isNotNull();
          assertThat(stored.path("position").asLong()).isEqualTo(ack.position());
          assertThat(stored.path("streamVersion").asLong()).isEqualTo(ack.streamVersion());
          assertThat(stored.path("event").path("subject").asString()).isEqualTo(ack.subject());
          assertThat(stored.path("event").path("data").path("n").asInt()).isEqualTo(ack.payload());
        });
  }
}
