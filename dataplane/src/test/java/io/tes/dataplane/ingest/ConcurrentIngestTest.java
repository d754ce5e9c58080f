package io.tes.dataplane.ingest;

import static io.tes.dataplane.testing.Events.event;
import static io.tes.dataplane.testing.Events.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.log.StoredEvent;
import io.tes.dataplane.testing.Http.Reply;
import io.tes.dataplane.testing.RunningDataPlane;
import io.tes.dataplane.testing.TestTenant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients at once, on one hot subject and on their own subjects: the log must come out
 * gap-free, duplicate-free, with exact stream versions, and commits must be shared.
 */
class ConcurrentIngestTest {
  private static final String STRUCTURED = "application/cloudevents+json";
  private static final String BATCH = "application/cloudevents-batch+json";

  @TempDir Path dataDir;
  TestTenant tenant = new TestTenant("busy");
  RunningDataPlane plane;
  String key;

  @BeforeEach
  void start() {
    key = tenant.addKey("writer", "ingest", "read");
    plane = RunningDataPlane.start(tenant.config(), dataDir);
  }

  @AfterEach
  void stop() {
    plane.close();
  }

  @Test
  void manyClientsLeaveAGapFreeLogWithExactStreamVersions() throws Exception {
    int clients = 32;
    int requestsPerClient = 40;
    Map<Long, String> ackedIdByPosition = new ConcurrentHashMap<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        futures.add(
            pool.submit(
                () -> {
                  for (int r = 0; r < requestsPerClient; r++) {
                    String subject = r % 2 == 0 ? "hot" : "client-" + client;
                    Reply reply;
                    if (r % 10 == 9) {
                      reply =
                          plane
                              .http()
                              .post(
                                  "/v1/events",
                                  key,
                                  BATCH,
                                  json(
                                      new Object[] {
                                        event(client + "-" + r + "-a", "t", subject),
                                        event(client + "-" + r + "-b", "t", "hot")
                                      }));
                    } else {
                      reply =
                          plane
                              .http()
                              .post(
                                  "/v1/events",
                                  key,
                                  STRUCTURED,
                                  json(event(client + "-" + r, "t", subject)));
                    }
                    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                    reply
                        .json()
                        .path("events")
                        .forEach(
                            receipt ->
                                assertThat(
                                        ackedIdByPosition.put(
                                            receipt.path("position").asLong(),
                                            receipt.path("id").asString()))
                                    .as("position handed out twice")
                                    .isNull());
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    }

    List<StoredEvent> log = readAll();
    int expected = clients * (requestsPerClient + requestsPerClient / 10);
    assertThat(log).hasSize(expected);
    assertThat(ackedIdByPosition).hasSize(expected);
    Map<String, Long> lastVersion = new HashMap<>();
    for (int i = 0; i < log.size(); i++) {
      StoredEvent stored = log.get(i);
      assertThat(stored.position()).as("gap-free positions").isEqualTo(i + 1);
      assertThat(stored.event().id()).isEqualTo(ackedIdByPosition.get(stored.position()));
      long previous = lastVersion.getOrDefault(stored.event().subject(), 0L);
      assertThat(stored.streamVersion())
          .as("versions of %s follow log order", stored.event().subject())
          .isEqualTo(previous + 1);
      lastVersion.put(stored.event().subject(), stored.streamVersion());
    }
    lastVersion.forEach(
        (subject, version) ->
            assertThat(plane.dataPlane().log().streamVersion(subject)).isEqualTo(version));

    long groups = metric("tes_log_commit_group_requests_count");
    long requests = metric("tes_log_commit_group_requests_sum");
    assertThat(requests).isEqualTo(clients * requestsPerClient);
    assertThat(groups).as("concurrent requests share commits").isLessThan(requests);
  }

  @Test
  void optimisticWritersOnOneSubjectNeverShareAVersion() throws Exception {
    int writers = 16;
    AtomicInteger wins = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        futures.add(
            pool.submit(
                () -> {
                  for (int attempt = 0; attempt < 20; attempt++) {
                    long seen = plane.dataPlane().log().streamVersion("account");
                    var event = event("w" + writer + "-" + attempt, "debit", "account");
                    event.put("expectedversion", seen);
                    Reply reply = plane.http().post("/v1/events", key, STRUCTURED, json(event));
                    if (reply.status() == 201) {
                      wins.incrementAndGet();
                    } else {
                      assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
                      assertThat(reply.json().path("currentVersion").asLong()).isGreaterThan(seen);
                      conflicts.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    }

    List<StoredEvent> log = readAll();
    assertThat(log).hasSize(wins.get());
    assertThat(log.stream().map(StoredEvent::streamVersion).toList())
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, wins.get()).boxed().toList());
    assertThat(wins.get() + conflicts.get()).isEqualTo(writers * 20);
  }

  private List<StoredEvent> readAll() {
    var all = new ArrayList<StoredEvent>();
    long after = 0;
    while (true) {
      List<StoredEvent> page = plane.dataPlane().log().readAfter(after, 1000);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
      after = page.getLast().position();
    }
  }

  private long metric(String name) {
    String text = plane.http().get("/metrics", null).text();
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.E]+)$").matcher(text);
    assertThat(m.find()).as(name).isTrue();
    return (long) Double.parseDouble(m.group(1));
  }
}
