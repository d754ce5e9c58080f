package io.tes.dataplane.graphql;

import io.tes.dataplane.Settings;
import io.tes.dataplane.testing.Http;
import io.tes.dataplane.testing.NatsServer;
import io.tes.dataplane.testing.RunningDataPlane;
import io.tes.dataplane.testing.TestTenant;
import java.nio.file.Path;
import java.util.List;

/** A data plane with its own nats-server (so the projector runs), for one test class. */
final class GraphqlPlane implements AutoCloseable {
  private final NatsServer nats;
  private final RunningDataPlane plane;

  private GraphqlPlane(NatsServer nats, RunningDataPlane plane) {
    this.nats = nats;
    this.plane = plane;
  }

  static GraphqlPlane start(TestTenant tenant, Path dir) throws Exception {
    NatsServer nats = NatsServer.start(dir.resolve("nats"));
    try {
      return new GraphqlPlane(
          nats,
          RunningDataPlane.start(
              tenant.config(), dir.resolve("data"), nats.url(), Settings.Role.ALL, List.of()));
    } catch (RuntimeException e) {
      nats.close();
      throw e;
    }
  }

  Http http() {
    return plane.http();
  }

  int port() {
    return plane.dataPlane().port();
  }

  @Override
  public void close() throws Exception {
    plane.close();
    nats.close();
  }
}
