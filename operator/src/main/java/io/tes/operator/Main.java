package io.tes.operator;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.tes.operator.metrics.MetricsServer;
import io.tes.operator.metrics.OperatorMetrics;
import io.tes.operator.settings.OperatorSettings;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** The operator process: settings from the environment, the in-cluster client, metrics. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    var settings = OperatorSettings.fromEnvironment(System.getenv());
    var identity =
        System.getenv().getOrDefault("POD_NAME", InetAddress.getLocalHost().getHostName());
    var client = new KubernetesClientBuilder().build();
    var metrics = new OperatorMetrics();
    var stopping = new AtomicBoolean();
    // Another replica may now lead: stop at once so two never reconcile side by side. Not while
    // shutting down, where exit() from the hook's own thread would wait for itself forever.
    Runnable onLostLeadership =
        () -> {
          if (!stopping.get()) {
            System.exit(1);
          }
        };
    var operator =
        TesOperator.create(client, settings, metrics, identity, onLostLeadership, o -> {});
    MetricsServer server =
        settings.metricsPort() > 0
            ? new MetricsServer(
                "0.0.0.0",
                settings.metricsPort(),
                metrics.registry(),
                () -> operator.getRuntimeInfo().isStarted())
            : null;
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.set(true);
                  operator.stop();
                  if (server != null) {
                    server.close();
                  }
                  client.close();
                  stopped.countDown();
                }));
    operator.start();
    stopped.await();
  }
}
