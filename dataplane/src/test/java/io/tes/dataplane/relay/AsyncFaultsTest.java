package io.tes.dataplane.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tes.dataplane.Settings;
import io.tes.dataplane.nats.TenantStream;
import io.tes.dataplane.processor.StateStore;
import io.tes.dataplane.testing.AsyncTenant;
import io.tes.dataplane.testing.ChildDataPlane;
import io.tes.dataplane.testing.CountingProcessor;
import io.tes.dataplane.testing.Fold;
import io.tes.dataplane.testing.Http.Reply;
import io.tes.dataplane.testing.NatsServer;
import io.tes.dataplane.testing.Projections;
import io.tes.dataplane.testing.RunningDataPlane;
import io.tes.dataplane.testing.StreamContents;
import io.tes.dataplane.testing.TestTenant;
import io.tes.dataplane.testing.Writers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The async phase under faults: NATS stopped and started again under load, the data plane killed
 * with SIGKILL under load, a processor that throws for some events. Afterwards every acknowledged
 * event is in JetStream exactly once, every thing equals the independent fold, effects happened
 * once, and the dead letters hold exactly the failing events.
 */
class AsyncFaultsTest {
  @TempDir Path dir;

  @Test
  void aNatsOutageUnderLoadLosesNothingAndDoublesNothing() throws Exception {
    TestTenant tenant = AsyncTenant.create("outage");
    String key = tenant.key("app");
    var counter = new CountingProcessor("counter");
    try (NatsServer nats = NatsServer.start(dir.resolve("nats"));
        RunningDataPlane plane =
            RunningDataPlane.start(
                tenant.config(),
                dir.resolve("data"),
                nats.url(),
                Settings.Role.ALL,
                List.of(counter))) {
      Writers writers = new Writers(plane::http, key, 7, 6, 0);
      Thread.sleep(1000);
      nats.stop();
      long beforeOutage = writers.maxPosition();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                JsonNode relay = ready(plane).json().path("checks").path("relay");
                assertThat(relay.path("status").asString()).isEqualTo("DEGRADED");
              });
      Thread.sleep(1500);
      assertThat(writers.maxPosition())
          .as("ingest goes on without NATS")
          .isGreaterThan(beforeOutage + 50);
      assertThat(ready(plane).status()).as("still ready: it takes events").isEqualTo(200);
      nats.restart();
      Thread.sleep(1000);
      writers.close();
      assertThat(writers.failures()).isZero();
      long head = writers.maxPosition();

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> plane.dataPlane().relay().published() == head);
      Projections.assertEquals(plane.http(), key, writers.fold(), head);
      assertExactlyOncePerEvent(nats.url(), "outage", head);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> plane.dataPlane().state().checkpoint("counter") == head);
      Map<Long, Integer> effects =
          CountingProcessor.effects(dir.resolve("data").resolve(StateStore.FILE_NAME), "counter");
      assertThat(effects.keySet())
          .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, head).boxed().toList());
      assertThat(effects.values()).as("each effect once").allMatch(count -> count == 1);
      assertThat(ready(plane).json().path("checks").path("relay").path("status").asString())
          .isEqualTo("UP");
    }
  }

  @Test
  void aSigkilledDataPlaneLosesNothingAndDoublesNothing() throws Exception {
    TestTenant tenant = AsyncTenant.create("killed");
    String key = tenant.key("app");
    Path data = dir.resolve("data");
    try (NatsServer nats = NatsServer.start(dir.resolve("nats"))) {
      Map<String, String> env = Map.of("TES_NATS_URL", nats.url());
      var current =
          new AtomicReference<ChildDataPlane>(ChildDataPlane.start(data, tenant.yaml(), env));
      Writers writers = new Writers(() -> current.get().http(), key, 11, 6, 0);
      Thread.sleep(1500);
      current.get().kill();
      current.set(ChildDataPlane.start(data, tenant.yaml(), env));
      Thread.sleep(1500);
      writers.close();
      long head = writers.maxPosition();
      try (ChildDataPlane child = current.get()) {
        writers
            .acks()
            .forEach(
                (position, ack) -> {
                  JsonNode stored =
                      child
                          .http()
                          .get("/v1/events?after=" + (position - 1) + "&limit=1", key)
                          .json();
                  assertThat(stored.path("events").get(0).path("position").asLong())
                      .isEqualTo(position);
                  assertThat(stored.path("events").get(0).path("event").path("subject").asString())
                      .isEqualTo(ack.subject());
                });
        Fold logFold = Fold.ofLog(child.http(), key);
        long committed = lastPosition(child, key);
        assertThat(committed).isGreaterThanOrEqualTo(head);
        Projections.assertEquals(child.http(), key, logFold, committed);
        assertExactlyOncePerEvent(nats.url(), "killed", committed);
        assertThat(writers.acks()).hasSizeGreaterThan(100);
      }
    }
  }

  @Test
  void eventsAProcessorKeepsFailingOnBecomeDeadLettersAndCanBeRetried() throws Exception {
    TestTenant tenant = AsyncTenant.create("flaky");
    String key = tenant.key("app");
    var flaky = new CountingProcessor("flaky");
    try (NatsServer nats = NatsServer.start(dir.resolve("nats"));
        RunningDataPlane plane =
            RunningDataPlane.start(
                tenant.config(),
                dir.resolve("data"),
                nats.url(),
                Settings.Role.ALL,
                List.of(flaky))) {
      Writers writers = new Writers(plane::http, key, 3, 4, 0.02);
      Thread.sleep(1500);
      writers.close();
      long head = writers.maxPosition();
      var poisoned =
          writers.acks().values().stream()
              .filter(a -> a.data() != null && a.data().path("poison").asBoolean())
              .map(Writers.Ack::position)
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(poisoned).isNotEmpty();

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> plane.dataPlane().state().checkpoint("flaky") == head);
      Projections.assertEquals(plane.http(), key, writers.fold(), head);

      Reply list = plane.http().get("/v1/admin/dead-letters?processor=flaky&limit=1000", key);
      assertThat(list.status()).as(list.toString()).isEqualTo(200);
      var deadPositions = new TreeSet<Long>();
      list.json()
          .path("deadLetters")
          .forEach(
              d -> {
                deadPositions.add(d.path("position").asLong());
                assertThat(d.path("attempts").asInt()).isEqualTo(5);
                assertThat(d.path("error").asString()).contains("poisoned event");
                assertThat(d.path("event").path("event").path("data").path("poison").asBoolean())
                    .isTrue();
              });
      assertThat(deadPositions).isEqualTo(poisoned);
      Map<Long, Integer> effects =
          CountingProcessor.effects(dir.resolve("data").resolve(StateStore.FILE_NAME), "flaky");
      assertThat(effects.keySet()).doesNotContainAnyElementsOf(poisoned);
      assertThat(effects).hasSize((int) head - poisoned.size());
      assertThat(effects.values()).allMatch(count -> count == 1);
      assertThat(plane.http().get("/metrics", null).text())
          .contains("tes_dead_letters_total{processor=\"flaky\"} " + poisoned.size() + ".0")
          .contains("tes_dead_letters_open{processor=\"flaky\"} " + poisoned.size() + ".0");

      long id = list.json().path("deadLetters").get(0).path("id").asLong();
      long position = list.json().path("deadLetters").get(0).path("position").asLong();
      Reply stillFailing =
          plane.http().post("/v1/admin/dead-letters/" + id + "/retry", key, null, "");
      assertThat(stillFailing.json().path("outcome").asString()).isEqualTo("failed");
      assertThat(stillFailing.json().path("deadLetter").path("attempts").asInt()).isEqualTo(6);
      flaky.heal();
      Reply retried = plane.http().post("/v1/admin/dead-letters/" + id + "/retry", key, null, "");
      assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
      assertThat(retried.json().path("outcome").asString()).isEqualTo("resolved");
      assertThat(retried.json().path("deadLetter").path("status").asString()).isEqualTo("resolved");
      assertThat(
              CountingProcessor.effects(dir.resolve("data").resolve(StateStore.FILE_NAME), "flaky"))
          .containsEntry(position, 1);
      Reply again = plane.http().post("/v1/admin/dead-letters/" + id + "/retry", key, null, "");
      assertThat(again.status()).isEqualTo(409);
      assertThat(
              plane
                  .http()
                  .get("/v1/admin/dead-letters?processor=flaky&limit=1000", key)
                  .json()
                  .path("deadLetters")
                  .size())
          .isEqualTo(poisoned.size() - 1);
      assertThat(plane.http().get("/v1/admin/dead-letters", tenant.key("app")).status())
          .isEqualTo(200);
    }
  }

  private static long lastPosition(ChildDataPlane child, String key) {
    long after = 0;
    while (true) {
      JsonNode page = child.http().get("/v1/events?after=" + after + "&limit=1000", key).json();
      if (page.path("events").isEmpty()) {
        return after;
      }
      after = page.path("nextAfter").asLong();
    }
  }

  private static Reply ready(RunningDataPlane plane) {
    return plane.http().get("/health/ready", null);
  }

  /** Every position 1..head is in the stream exactly once, and no message id repeats. */
  static void assertExactlyOncePerEvent(String natsUrl, String tenant, long head) throws Exception {
    String stream = new TenantStream(tenant, io.tes.dataplane.config.StreamSettings.DEFAULT).name();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              StreamContents contents = StreamContents.read(natsUrl, stream);
              assertThat(contents.countByPosition().keySet())
                  .containsExactlyInAnyOrderElementsOf(
                      LongStream.rangeClosed(1, head).boxed().toList());
              assertThat(contents.countByPosition().values()).allMatch(n -> n == 1);
              assertThat(contents.countByMessageId()).hasSize((int) head);
            });
  }
}
