package io.tes.dataplane.relay;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.log.StoredEvent;
import io.tes.dataplane.nats.Backoff;
import io.tes.dataplane.nats.EventMessages;
import io.tes.dataplane.nats.JetStreamLink;
import io.tes.dataplane.nats.TenantStream;
import io.tes.dataplane.observe.HealthCheck;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The transactional outbox: publishes committed events from the log to JetStream, in log order, and
 * moves its {@code published} checkpoint only past events JetStream acknowledged. A window of
 * events is in flight at once. While NATS is away it waits and retries from the checkpoint; what it
 * publishes twice, JetStream drops by message id.
 */
public final class OutboxRelay implements AutoCloseable, HealthCheck {
  static final String CHECKPOINT = "relay";
  private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
  private static final long ACK_TIMEOUT_MILLIS = 5_000;
  private static final long SAVE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final EventLog log;
  private final JetStreamLink link;
  private final TenantStream stream;
  private final RelayMetrics metrics;
  private final int window;
  private final Handoff handoff;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition committed = lock.newCondition();
  private volatile boolean running = true;
  private volatile long published;
  private volatile long head;
  private volatile String problem = "";
  private volatile long streamReadyGeneration = -1;
  private long savedCheckpoint;
  private long lastSave;

  public OutboxRelay(
      EventLog log, JetStreamLink link, TenantStream stream, RelayMetrics metrics, int window) {
    this.log = log;
    this.link = link;
    this.stream = stream;
    this.metrics = metrics;
    this.window = window;
    this.handoff = new Handoff(window * 8);
    this.published = log.checkpoint(CHECKPOINT);
    this.savedCheckpoint = published;
    this.head = log.headPosition();
    metrics.track(() -> head - published);
    log.addCommittedEventsListener(handoff::offer);
    log.addCommitListener(this::onCommit);
    this.thread = Thread.ofPlatform().name("tes-outbox-relay").unstarted(this::run);
    thread.start();
  }

  private void onCommit(long lastPosition, int events) {
    head = lastPosition;
    lock.lock();
    try {
      committed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The highest position JetStream has acknowledged. */
  public long published() {
    return published;
  }

  private void run() {
    var backoff = new Backoff(50, 5_000);
    while (running) {
      try {
        Connection conn = link.connection();
        if (conn == null) {
          problem = "NATS: " + link.problem();
          sleep(250);
          continue;
        }
        if (streamReadyGeneration != link.generation()) {
          long generation = link.generation();
          stream.ensure(conn.jetStreamManagement());
          streamReadyGeneration = generation;
        }
        List<StoredEvent> batch = handoff.after(published, window);
        if (batch.isEmpty()) {
          batch = log.readAfter(published, window);
        }
        if (batch.isEmpty()) {
          problem = "";
          saveCheckpointIfDue(true);
          awaitCommit();
          continue;
        }
        publish(conn.jetStream(), batch);
        problem = "";
        backoff.reset();
        saveCheckpointIfDue(false);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        problem = "publishing failed: " + e.getMessage();
        streamReadyGeneration = -1;
        LOG.log(Level.WARNING, "outbox relay: {0}; retrying in {1} ms", e, backoff.nextMillis());
        backoff.pause();
      }
    }
  }

  /** Publishes a batch asynchronously, then advances over the acknowledged prefix. */
  private void publish(JetStream js, List<StoredEvent> batch) throws Exception {
    var acks = new ArrayList<CompletableFuture<PublishAck>>(batch.size());
    for (StoredEvent event : batch) {
      acks.add(js.publishAsync(EventMessages.toMessage(stream, event)));
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ACK_TIMEOUT_MILLIS);
    int acknowledged = 0;
    try {
      for (int i = 0; i < batch.size(); i++) {
        long wait = Math.max(1, deadline - System.nanoTime());
        PublishAck ack = acks.get(i).get(wait, TimeUnit.NANOSECONDS);
        if (!stream.name().equals(ack.getStream())) {
          throw new IllegalStateException("acknowledged by stream " + ack.getStream());
        }
        published = batch.get(i).position();
        acknowledged++;
        if (ack.isDuplicate()) {
          metrics.duplicate();
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException(
          "after " + acknowledged + " of " + batch.size() + " acknowledgements: " + cause, cause);
    } finally {
      metrics.published(acknowledged);
    }
  }

  /** Persists the checkpoint now and then; it rides on the log's next group commit. */
  private void saveCheckpointIfDue(boolean idle) {
    long now = System.nanoTime();
    if (published != savedCheckpoint && (idle || now - lastSave > SAVE_INTERVAL_NANOS)) {
      long position = published;
      log.saveCheckpoint(CHECKPOINT, position);
      savedCheckpoint = position;
      lastSave = now;
    }
  }

  private void awaitCommit() throws InterruptedException {
    lock.lock();
    try {
      if (head <= published && running) {
        committed.await(100, TimeUnit.MILLISECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  private static void sleep(long millis) throws InterruptedException {
    Thread.sleep(millis);
  }

  @Override
  public String name() {
    return "relay";
  }

  /** Degraded, never down: ingest goes on while NATS is away, the log keeps the events. */
  @Override
  public Result check() {
    long backlog = Math.max(0, head - published);
    String detail = "published " + published + ", backlog " + backlog;
    return problem.isEmpty() ? Result.up(detail) : Result.degraded(detail + "; " + problem);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (published != savedCheckpoint) {
      log.saveCheckpoint(CHECKPOINT, published);
    }
  }
}
