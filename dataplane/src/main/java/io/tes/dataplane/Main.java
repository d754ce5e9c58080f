package io.tes.dataplane;

import io.helidon.logging.common.LogConfig;
import io.tes.dataplane.config.ConfigException;
import io.tes.dataplane.config.TenantConfigLoader;
import java.util.concurrent.CountDownLatch;

/** Entry point: {@code java -jar tes-dataplane.jar}, configured by TES_* environment variables. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    LogConfig.configureRuntime();
    Settings settings;
    try {
      settings = Settings.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("tes: " + e.getMessage());
      System.exit(2);
      return;
    }
    DataPlane dataPlane;
    try {
      var config = new TenantConfigLoader().load(settings.configFile());
      dataPlane = DataPlane.start(settings, config);
    } catch (ConfigException e) {
      System.err.println("tes: " + e.getMessage());
      System.exit(2);
      return;
    }
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  dataPlane.close();
                  stopped.countDown();
                },
                "tes-shutdown"));
    System.out.println("tes: ready on port " + dataPlane.port());
    stopped.await();
  }
}
