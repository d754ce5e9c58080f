package io.tes.dataplane.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tes.dataplane.Settings;
import io.tes.dataplane.processor.StateStore;
import io.tes.dataplane.testing.AsyncTenant;
import io.tes.dataplane.testing.Http.Reply;
import io.tes.dataplane.testing.NatsServer;
import io.tes.dataplane.testing.Projections;
import io.tes.dataplane.testing.RunningDataPlane;
import io.tes.dataplane.testing.TestTenant;
import io.tes.dataplane.testing.Writers;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebuilding the things from the log while clients keep writing. */
class RebuildTest {
  @TempDir Path dir;

  @Test
  void aRebuildUnderLoadEndsWithTheFoldOfTheLog() throws Exception {
    TestTenant tenant = AsyncTenant.create("rebuild");
    String key = tenant.key("app");
    try (NatsServer nats = NatsServer.start(dir.resolve("nats"));
        RunningDataPlane plane =
            RunningDataPlane.start(
                tenant.config(), dir.resolve("data"), nats.url(), Settings.Role.ALL, List.of())) {
      Writers writers = new Writers(plane::http, key, 5, 4, 0);
      Thread.sleep(1000);
      // Damage the projection by hand: a rebuild must repair it from the log.
      try (var c =
          DriverManager.getConnection(
              "jdbc:sqlite:" + dir.resolve("data").resolve(StateStore.FILE_NAME))) {
        c.createStatement().execute("UPDATE things SET state = '{\"corrupted\":true}'");
      }

      Reply started = plane.http().post("/v1/admin/projections/things/rebuild", key, null, "");
      assertThat(started.status()).as(started.toString()).isEqualTo(202);
      Reply twice = plane.http().post("/v1/admin/projections/things/rebuild", key, null, "");
      assertThat(twice.status()).isIn(202, 409);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(
                          plane
                              .http()
                              .get("/v1/admin/projections/things/rebuild", key)
                              .json()
                              .path("status")
                              .asString())
                      .isEqualTo("succeeded"));
      Thread.sleep(500);
      writers.close();

      Reply status = plane.http().get("/v1/admin/projections/things/rebuild", key);
      assertThat(status.json().path("eventsFolded").asLong()).isPositive();
      Projections.assertEquals(plane.http(), key, writers.fold(), writers.maxPosition());
    }
  }

  @Test
  void rebuildsNeedTheAdminScope() throws Exception {
    TestTenant tenant = AsyncTenant.create("rebuild2");
    String reader = tenant.addKey("reader", "read");
    try (NatsServer nats = NatsServer.start(dir.resolve("nats"));
        RunningDataPlane plane =
            RunningDataPlane.start(
                tenant.config(), dir.resolve("data"), nats.url(), Settings.Role.ALL, List.of())) {
      assertThat(
              plane.http().post("/v1/admin/projections/things/rebuild", reader, null, "").status())
          .isEqualTo(403);
      assertThat(plane.http().get("/v1/admin/dead-letters", reader).status()).isEqualTo(403);
      assertThat(
              plane.http().get("/v1/admin/projections/things/rebuild", tenant.key("app")).status())
          .isEqualTo(404);
    }
  }
}
