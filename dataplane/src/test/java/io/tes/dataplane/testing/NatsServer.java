package io.tes.dataplane.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real nats-server with JetStream on a free loopback port and a store of its own, started and
 * stopped by a test. It can be stopped and started again on the same port and store, to play an
 * outage.
 */
public final class NatsServer implements AutoCloseable {
  private final Path storeDir;
  private final int port;
  private Process process;

  private NatsServer(Path storeDir, int port) {
    this.storeDir = storeDir;
    this.port = port;
  }

  public static NatsServer start(Path storeDir) throws IOException, InterruptedException {
    var server = new NatsServer(storeDir, freePort());
    server.startProcess();
    return server;
  }

  private void startProcess() throws IOException, InterruptedException {
    Files.createDirectories(storeDir);
    Path logFile = storeDir.resolve("nats-server.log");
    try {
      process =
          new ProcessBuilder(
                  "nats-server",
                  "-js",
                  "-a",
                  "127.0.0.1",
                  "-p",
                  Integer.toString(port),
                  "-sd",
                  storeDir.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start nats-server: is it installed? (apt-get install nats-server; scripts/test"
              + " installs it when run as root)",
          e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("nats-server exited: " + Files.readString(logFile).strip());
      }
      if (Files.readString(logFile).contains("Server is ready") && accepts()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("nats-server did not become ready on port " + port);
  }

  private boolean accepts() {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  /** Stops the server (SIGTERM), as an outage would. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** Starts it again on the same port with the same store. */
  public void restart() throws IOException, InterruptedException {
    stop();
    startProcess();
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
