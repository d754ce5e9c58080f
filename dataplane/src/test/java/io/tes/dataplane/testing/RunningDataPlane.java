package io.tes.dataplane.testing;

import io.tes.dataplane.DataPlane;
import io.tes.dataplane.Settings;
import io.tes.dataplane.config.TenantConfig;
import java.nio.file.Path;

/** A data plane started in this JVM on a free loopback port, with its own data directory. */
public final class RunningDataPlane implements AutoCloseable {
  private final DataPlane dataPlane;
  private final Http http;

  private RunningDataPlane(DataPlane dataPlane) {
    this.dataPlane = dataPlane;
    this.http = new Http(dataPlane.port());
  }

  public static RunningDataPlane start(TenantConfig config, Path dataDir) {
    try {
      var settings =
          new Settings(
              "127.0.0.1", 0, dataDir, dataDir.resolve("tenant.yaml"), null, Settings.Role.ALL);
      return new RunningDataPlane(DataPlane.start(settings, config));
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
