package io.tes.operator.testbed;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.tes.operator.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real control plane of scripts/kube-testbed (etcd, kube-apiserver, controller-manager,
 * scheduler, built from Debian's kubernetes source package), started for the integration tests and
 * stopped again. Building happens only when the cached binaries are missing. Anything that keeps it
 * from starting is an error with the reason and the log, never a skip.
 */
public final class KubeTestbed implements AutoCloseable {
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(45);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Path script;
  private final Path dir;
  private final String server;
  private final Path caFile;
  private final KubernetesClient admin;
  private final long startMillis;

  private KubeTestbed(
      Path script, Path dir, String server, KubernetesClient admin, long startMillis) {
    this.script = script;
    this.dir = dir;
    this.server = server;
    this.caFile = dir.resolve("certs/apiserver.crt");
    this.admin = admin;
    this.startMillis = startMillis;
  }

  public static KubeTestbed start() {
    var script = Repo.path("scripts/kube-testbed");
    var logs = Path.of("target/kube-testbed");
    Path dir = null;
    try {
      Files.createDirectories(logs);
      long buildStart = System.nanoTime();
      run(List.of("bash", script.toString(), "build"), logs.resolve("build.log"), BUILD_TIMEOUT);
      long buildMillis = (System.nanoTime() - buildStart) / 1_000_000;
      dir = Files.createTempDirectory("tes-kube-");
      long start = System.nanoTime();
      run(
          List.of("bash", script.toString(), "start", dir.toString()),
          logs.resolve("start.log"),
          START_TIMEOUT);
      long startMillis = (System.nanoTime() - start) / 1_000_000;
      var env = Files.readAllLines(dir.resolve("testbed.env"));
      var server =
          env.stream().filter(l -> l.startsWith("server=")).findFirst().orElseThrow().substring(7);
      var admin =
          new KubernetesClientBuilder()
              .withConfig(Config.fromKubeconfig(Files.readString(dir.resolve("kubeconfig"))))
              .build();
      System.out.printf(
          "[kube-testbed] %s up in %d ms (build step %d ms): %s%n",
          admin.getKubernetesVersion().getGitVersion(), startMillis, buildMillis, server);
      return new KubeTestbed(script, dir, server, admin, startMillis);
    } catch (IOException | RuntimeException e) {
      if (dir != null) {
        // The script stops what it started when start fails; only the state is left.
        deleteQuietly(dir);
      }
      throw new IllegalStateException(
          "The Kubernetes test bed (scripts/kube-testbed) could not start: "
              + e.getMessage()
              + ". Logs: "
              + logs.toAbsolutePath()
              + ". The integration tests need it; skip them explicitly with -Dtes.kube.skip=true.",
          e);
    }
  }

  private static void run(List<String> command, Path log, Duration timeout) throws IOException {
    var process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " timed out after " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted", e);
    }
    if (process.exitValue() != 0) {
      var lines = Files.readAllLines(log);
      var tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
      throw new IllegalStateException(
          String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + tail);
    }
  }

  /** A client acting with a bearer token (a service account's), trusting the test bed's CA. */
  public KubernetesClient clientWithToken(String token) {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(Config.empty())
                .withMasterUrl(server)
                .withOauthToken(token)
                .withCaCertFile(caFile.toString())
                .build())
        .build();
  }

  public KubernetesClient admin() {
    return admin;
  }

  public long startMillis() {
    return startMillis;
  }

  @Override
  public void close() {
    admin.close();
    try {
      run(
          List.of("bash", script.toString(), "stop", dir.toString()),
          Path.of("target/kube-testbed/stop.log"),
          Duration.ofMinutes(1));
    } catch (IOException e) {
      throw new IllegalStateException("could not stop the test bed in " + dir, e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Temporary state only; the OS cleans /tmp.
    }
  }
}
