package io.tes.bench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway nats-server with JetStream on a free loopback port and a temporary store directory,
 * shared by the data plane (its outbox relay) and the raw JetStream baseline.
 */
public final class NatsServer implements AutoCloseable {
  private final Process process;
  private final Path storeDir;
  private final int port;
  private final String version;

  private NatsServer(Process process, Path storeDir, int port, String version) {
    this.process = process;
    this.storeDir = storeDir;
    this.port = port;
    this.version = version;
  }

  /** Starts one, or returns empty when nats-server is not installed. */
  public static Optional<NatsServer> startIfInstalled() throws IOException, InterruptedException {
    Optional<Path> binary = Executables.onPath("nats-server");
    if (binary.isEmpty()) {
      return Optional.empty();
    }
    String version = versionOf(binary.get());
    Path store = Files.createTempDirectory("tes-bench-nats");
    int port = FreePort.find();
    Process process =
        new ProcessBuilder(
                binary.get().toString(),
                "-js",
                "-a",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-sd",
                store.toString())
            .redirectErrorStream(true)
            .redirectOutput(store.resolve("nats-server.log").toFile())
            .start();
    try {
      FreePort.awaitListening(port, process, 10_000);
    } catch (IOException e) {
      process.destroyForcibly();
      Dirs.deleteRecursively(store);
      throw e;
    }
    return Optional.of(new NatsServer(process, store, port, version));
  }

  private static String versionOf(Path binary) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    p.waitFor(5, TimeUnit.SECONDS);
    return out;
  }

  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  public String version() {
    return version;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    Dirs.deleteRecursively(storeDir);
  }
}
