package io.tes.dataplane.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The data plane's connection to NATS. It connects in the background and reconnects forever, so a
 * NATS outage never stops the data plane from starting or from accepting events; the relay and the
 * processors simply wait until {@link #connection()} is usable again.
 */
public final class JetStreamLink implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(JetStreamLink.class.getName());

  private final String url;
  private final AtomicReference<Connection> connection = new AtomicReference<>();
  private final AtomicLong generation = new AtomicLong();
  private volatile boolean closed;
  private volatile String lastProblem = "not connected yet";

  public JetStreamLink(String url, String tenant) throws InterruptedException {
    this.url = url;
    Options options =
        Options.builder()
            .server(url)
            .connectionName("tes-dataplane-" + tenant)
            .maxReconnects(-1)
            .reconnectWait(Duration.ofMillis(250))
            .connectionTimeout(Duration.ofSeconds(2))
            // Publishing while disconnected must fail fast: the outbox keeps the events anyway.
            .reconnectBufferSize(0)
            .connectionListener(this::onEvent)
            .errorListener(new QuietErrors())
            .build();
    Nats.connectAsynchronously(options, true);
  }

  private void onEvent(Connection conn, ConnectionListener.Events event) {
    switch (event) {
      case CONNECTED, RECONNECTED -> {
        connection.set(conn);
        generation.incrementAndGet();
        lastProblem = "";
        LOG.log(Level.INFO, "NATS {0} ({1})", event.name().toLowerCase(), url);
        if (closed) {
          closeQuietly(conn);
        }
      }
      case DISCONNECTED -> {
        lastProblem = "disconnected from " + url;
        LOG.log(Level.WARNING, "NATS disconnected from {0}; reconnecting", url);
      }
      case CLOSED -> connection.set(null);
      default -> {}
    }
  }

  /** The connection, when it is connected; null otherwise. */
  public Connection connection() {
    Connection conn = connection.get();
    return conn != null && conn.getStatus() == Connection.Status.CONNECTED ? conn : null;
  }

  /**
   * Grows at every (re)connection. Server-side state such as pull requests does not survive a
   * server restart, so consumers compare it to know when to subscribe again.
   */
  public long generation() {
    return generation.get();
  }

  public String url() {
    return url;
  }

  /** Why the link is not usable, for health checks; empty when connected. */
  public String problem() {
    return connection() != null ? "" : lastProblem;
  }

  @Override
  public void close() {
    closed = true;
    Connection conn = connection.getAndSet(null);
    if (conn != null) {
      closeQuietly(conn);
    }
  }

  private static void closeQuietly(Connection conn) {
    try {
      conn.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Connection errors are expected while NATS is down; one log line each, no stack traces. */
  private final class QuietErrors implements ErrorListener {
    @Override
    public void errorOccurred(Connection conn, String error) {
      lastProblem = error;
      LOG.log(Level.DEBUG, "NATS error: {0}", error);
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
      lastProblem = exp.toString();
      LOG.log(Level.DEBUG, "NATS exception: {0}", exp.toString());
    }
  }
}
