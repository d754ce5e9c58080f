package io.tes.dataplane.testing;

import io.tes.dataplane.DataPlane;
import io.tes.dataplane.Settings;
import io.tes.dataplane.config.TenantConfig;
import io.tes.dataplane.processor.Processor;
import java.nio.file.Path;
import java.util.List;

/** A data plane started in this JVM on a free loopback port, with its own data directory. */
public final class RunningDataPlane implements AutoCloseable {
  private final DataPlane dataPlane;
  private final Http http;

  private RunningDataPlane(DataPlane dataPlane) {
    this.dataPlane = dataPlane;
    this.http = new Http(dataPlane.port());
  }

  /** Without NATS: the synchronous phase only. */
  public static RunningDataPlane start(TenantConfig config, Path dataDir) {
    return start(config, dataDir, null, Settings.Role.ALL, List.of());
  }

  public static RunningDataPlane start(
      TenantConfig config,
      Path dataDir,
      String natsUrl,
      Settings.Role role,
      List<Processor> extraProcessors) {
    try {
      var settings =
          new Settings("127.0.0.1", 0, dataDir, dataDir.resolve("tenant.yaml"), natsUrl, role);
      return new RunningDataPlane(DataPlane.start(settings, config, extraProcessors));
    } catch (Exception e) {
      throw new IllegalStateException("data plane did not start", e);
    }
  }

  public Http http() {
    return http;
  }

  public DataPlane dataPlane() {
    return dataPlane;
  }

  @Override
  public void close() {
    dataPlane.close();
  }
}
