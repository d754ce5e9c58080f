package io.tes.dataplane.projection;

import static io.tes.dataplane.testing.Events.event;
import static io.tes.dataplane.testing.Events.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.Settings;
import io.tes.dataplane.http.Json;
import io.tes.dataplane.testing.AsyncTenant;
import io.tes.dataplane.testing.Fold;
import io.tes.dataplane.testing.Http;
import io.tes.dataplane.testing.Http.Reply;
import io.tes.dataplane.testing.NatsServer;
import io.tes.dataplane.testing.RandomEvents;
import io.tes.dataplane.testing.RunningDataPlane;
import io.tes.dataplane.testing.TestTenant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The projector against a real nats-server: folds, reads, filters, read-your-writes. */
class ProjectionTest {
  private static final String STRUCTURED = "application/cloudevents+json";
  private static final String BATCH = "application/cloudevents-batch+json";

  @TempDir static Path dir;
  static NatsServer nats;
  static TestTenant tenant = AsyncTenant.create("proj");
  static RunningDataPlane plane;
  static Http http;
  static String key;

  @BeforeAll
  static void start() throws Exception {
    nats = NatsServer.start(dir.resolve("nats"));
    plane =
        RunningDataPlane.start(
            tenant.config(), dir.resolve("data"), nats.url(), Settings.Role.ALL, List.of());
    http = plane.http();
    key = tenant.key("app");
  }

  @AfterAll
  static void stop() throws Exception {
    plane.close();
    nats.close();
  }

  /** What was sent for a subject's version, to fold afterwards in stream order. */
  record Sent(String subject, long version, String type, JsonNode data) {}

  @Test
  void theProjectionOfRandomEventsEqualsAnIndependentFold() throws Exception {
    var generator = new RandomEvents(42, 25);
    Map<String, List<Sent>> sent = new ConcurrentHashMap<>();
    long[] lastPosition = new long[1];
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Long>> futures = new ArrayList<>();
      for (int client = 0; client < 8; client++) {
        futures.add(
            pool.submit(
                () -> {
                  long last = 0;
                  for (int i = 0; i < 60; i++) {
                    int n = i % 4 == 3 ? 3 : 1;
                    var generated = new ArrayList<RandomEvents.Generated>();
                    var events = new ArrayList<ObjectNode>();
                    for (int k = 0; k < n; k++) {
                      var g = generator.next();
                      generated.add(g);
                      var e = event(null, g.type(), g.subject());
                      if (g.data() != null) {
                        e.set("data", g.data());
                      }
                      events.add(e);
                    }
                    Reply reply =
                        n == 1
                            ? http.post("/v1/events", key, STRUCTURED, json(events.getFirst()))
                            : http.post("/v1/events", key, BATCH, json(events));
                    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                    JsonNode receipts = reply.json().path("events");
                    for (int k = 0; k < n; k++) {
                      var g = generated.get(k);
                      JsonNode r = receipts.get(k);
                      sent.computeIfAbsent(g.subject(), s -> new ArrayList<>())
                          .add(
                              new Sent(
                                  g.subject(),
                                  r.path("streamVersion").asLong(),
                                  g.type(),
                                  g.data()));
                      last = Math.max(last, r.path("position").asLong());
                    }
                  }
                  return last;
                }));
      }
      for (Future<Long> f : futures) {
        lastPosition[0] = Math.max(lastPosition[0], f.get());
      }
    }

    var fold = new Fold();
    sent.values().forEach(list -> list.sort(Comparator.comparingLong(Sent::version)));
    sent.forEach(
        (subject, list) -> {
          for (Sent s : list) {
            switch (s.type()) {
              case "thing.deleted" -> fold.delete(subject);
              case "thing.replaced" -> fold.replace(subject, s.data());
              default -> fold.merge(subject, s.data());
            }
          }
        });

    assertThat(fold.things()).hasSizeGreaterThan(20);
    fold.things()
        .forEach(
            (subject, expected) -> {
              Reply reply = http.get("/v1/things/" + subject + "?position=" + lastPosition[0], key);
              if (expected.deleted()) {
                assertThat(reply.status()).as(subject + " " + reply).isEqualTo(410);
                assertThat(reply.json().path("version").asLong()).isEqualTo(expected.version());
              } else {
                assertThat(reply.status()).as(subject + " " + reply).isEqualTo(200);
                assertThat(reply.json().path("version").asLong()).isEqualTo(expected.version());
                assertThat(reply.json().path("state")).as(subject).isEqualTo(expected.state());
              }
            });
  }

  @Test
  void aReadWaitsForItsOwnWrite() {
    String subject = "ryw-" + System.nanoTime();
    var e = event(null, "thing.updated", subject);
    e.putObject("data").put("n", 1);
    long position =
        http.post("/v1/events", key, STRUCTURED, json(e))
            .json()
            .path("events")
            .get(0)
            .path("position")
            .asLong();

    Reply reply = http.get("/v1/things/" + subject + "?position=" + position, key);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().path("state").path("n").asInt()).isEqualTo(1);
    assertThat(reply.json().path("position").asLong()).isEqualTo(position);
    assertThat(reply.json().path("lastEventType").asString()).isEqualTo("thing.updated");
  }

  @Test
  void aPositionNotYetReachedTimesOutWithAClearProblem() {
    Reply reply = http.get("/v1/things/whatever?position=999999999&timeoutMs=50", key);
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.problemType()).isEqualTo("projection-behind");
    assertThat(reply.header("Retry-After")).isEqualTo("1");
  }

  @Test
  void unknownThingsAreNotFound() {
    assertThat(http.get("/v1/things/never-seen", key).status()).isEqualTo(404);
  }

  @Test
  void thingsAreFilteredSortedAndPaged() {
    String batch = "catalog-" + System.nanoTime();
    long last = 0;
    for (int i = 0; i < 12; i++) {
      var e = event(null, "thing.updated", batch + "/" + i);
      ObjectNode data = e.putObject("data");
      data.put("batch", batch).put("price", i * 10).put("color", i % 3 == 0 ? "red" : "blue");
      data.putObject("dims").put("w", i);
      if (i % 4 == 0) {
        data.put("sale", true);
      }
      last =
          http.post("/v1/events", key, STRUCTURED, json(e))
              .json()
              .path("events")
              .get(0)
              .path("position")
              .asLong();
    }
    String base = "/v1/things?position=" + last + "&filter[batch]=" + batch;

    assertThat(ids(http.get(base + "&filter[color]=red", key)))
        .containsExactlyInAnyOrder(batch + "/0", batch + "/3", batch + "/6", batch + "/9");
    assertThat(ids(http.get(base + "&filter[price][gte]=90", key)))
        .containsExactlyInAnyOrder(batch + "/9", batch + "/10", batch + "/11");
    assertThat(ids(http.get(base + "&filter[dims.w][lt]=2", key)))
        .containsExactlyInAnyOrder(batch + "/0", batch + "/1");
    assertThat(ids(http.get(base + "&filter[sale][exists]=true", key))).hasSize(3);
    assertThat(ids(http.get(base + "&filter[sale]=true", key))).hasSize(3);
    assertThat(ids(http.get(base + "&filter[price][in]=10,20,999", key)))
        .containsExactlyInAnyOrder(batch + "/1", batch + "/2");

    var seen = new ArrayList<String>();
    String cursor = null;
    int pages = 0;
    do {
      Reply page =
          http.get(
              base + "&sort=-state.price&limit=5" + (cursor == null ? "" : "&cursor=" + cursor),
              key);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      seen.addAll(ids(page));
      cursor =
          page.json().path("nextCursor").isNull()
              ? null
              : page.json().path("nextCursor").asString();
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen)
        .containsExactly(
            java.util.stream.IntStream.iterate(11, i -> i >= 0, i -> i - 1)
                .mapToObj(i -> batch + "/" + i)
                .toArray(String[]::new));
  }

  @Test
  void badListParametersAreNamed() {
    Reply badSort = http.get("/v1/things?sort=color", key);
    assertThat(badSort.status()).isEqualTo(400);
    assertThat(badSort.json().path("parameter").asString()).isEqualTo("sort");
    assertThat(
            http.get("/v1/things?filter[price][near]=1", key).json().path("parameter").asString())
        .isEqualTo("filter[price][near]");
    assertThat(http.get("/v1/things?cursor=garbage", key).status()).isEqualTo(400);
    assertThat(http.get("/v1/things?limit=0", key).status()).isEqualTo(400);
  }

  static List<String> ids(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    var ids = new ArrayList<String>();
    reply.json().path("things").forEach(t -> ids.add(t.path("id").asString()));
    return ids;
  }

  static JsonNode parse(String text) {
    return Json.mapper().readTree(text);
  }
}
