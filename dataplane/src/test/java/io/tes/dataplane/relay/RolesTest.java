package io.tes.dataplane.relay;

import static io.tes.dataplane.testing.Events.event;
import static io.tes.dataplane.testing.Events.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.Settings;
import io.tes.dataplane.testing.AsyncTenant;
import io.tes.dataplane.testing.Http.Reply;
import io.tes.dataplane.testing.NatsServer;
import io.tes.dataplane.testing.RunningDataPlane;
import io.tes.dataplane.testing.TestTenant;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest process and a worker process on the same volume: the worker runs the processors, the
 * ingest process serves reads that wait for the worker's progress.
 */
class RolesTest {
  @TempDir Path dir;

  @Test
  void aWorkerProjectsWhatTheIngestProcessStores() throws Exception {
    TestTenant tenant = AsyncTenant.create("split");
    String key = tenant.key("app");
    Path data = dir.resolve("data");
    try (NatsServer nats = NatsServer.start(dir.resolve("nats"));
        RunningDataPlane ingest =
            RunningDataPlane.start(
                tenant.config(), data, nats.url(), Settings.Role.INGEST, List.of());
        RunningDataPlane worker =
            RunningDataPlane.start(
                tenant.config(), data, nats.url(), Settings.Role.WORKER, List.of())) {
      assertThat(ingest.dataPlane().runners()).isEmpty();
      assertThat(worker.dataPlane().relay()).isNull();

      var e = event(null, "thing.updated", "lamp-1");
      e.putObject("data").put("on", true);
      Reply created =
          ingest.http().post("/v1/events", key, "application/cloudevents+json", json(e));
      long position = created.json().path("events").get(0).path("position").asLong();

      Reply viaIngest = ingest.http().get("/v1/things/lamp-1?position=" + position, key);
      assertThat(viaIngest.status()).as(viaIngest.toString()).isEqualTo(200);
      assertThat(viaIngest.json().path("state").path("on").asBoolean()).isTrue();
      Reply viaWorker = worker.http().get("/v1/things/lamp-1?position=" + position, key);
      assertThat(viaWorker.json().path("version").asLong()).isEqualTo(1);
      assertThat(
              worker
                  .http()
                  .get(
                      "/v1/events/" + created.json().path("events").get(0).path("id").asString(),
                      key)
                  .status())
          .isEqualTo(200);
      Reply refused =
          worker.http().post("/v1/events", key, "application/cloudevents+json", json(e));
      assertThat(refused.status()).as("a worker takes no events").isEqualTo(405);
    }
  }
}
