package io.tes.bench.env;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports: a free one for a server to bind, and a wait until a server listens. */
public final class FreePort {
  private FreePort() {}

  public static int find() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  /** Waits until something accepts connections on the port, or the process dies, or time ends. */
  public static void awaitListening(int port, Process process, long timeoutMillis)
      throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException e) {
        if (process != null && !process.isAlive()) {
          throw new IOException("the process exited with " + process.exitValue());
        }
        Thread.sleep(20);
      }
    }
    throw new IOException("nothing listens on port " + port + " after " + timeoutMillis + " ms");
  }
}
