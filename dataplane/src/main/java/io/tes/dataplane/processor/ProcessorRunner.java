package io.tes.dataplane.processor;

import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.log.StoredEvent;
import io.tes.dataplane.nats.Backoff;
import io.tes.dataplane.nats.EventMessages;
import io.tes.dataplane.nats.JetStreamLink;
import io.tes.dataplane.nats.TenantStream;
import io.tes.dataplane.observe.HealthCheck;
import io.tes.dataplane.processor.StateStore.Checkpoints;
import io.tes.dataplane.sqlite.Sqlite;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one processor: a durable pull consumer on the tenant's stream, events applied in log order
 * in one transaction per batch together with the processor's checkpoint, acknowledged after the
 * commit. Messages at or below the checkpoint are acknowledged and skipped (redeliveries); a gap
 * (JetStream dropped or aged out a message) is filled from the log, the source of truth. An event
 * the processor keeps throwing on is retried with back-off, then recorded as a dead letter.
 */
public final class ProcessorRunner implements AutoCloseable, HealthCheck {
  private static final System.Logger LOG = System.getLogger(ProcessorRunner.class.getName());
  private static final int BATCH = 256;

  private final Processor processor;
  private final JetStreamLink link;
  private final TenantStream stream;
  private final EventLog log;
  private final RetryPolicy retry;
  private final ProcessorMetrics metrics;
  private final Progress progress;
  private final Clock clock;
  private final java.sql.Connection tx;
  private final ReentrantLock work = new ReentrantLock();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile String problem = "starting";
  private long checkpoint;
  private Exception lastError;

  /** An event to apply, with the message that brought it (null when filled from the log). */
  private record Item(StoredEvent event, Message message) {}

  public ProcessorRunner(
      Processor processor,
      JetStreamLink link,
      TenantStream stream,
      StateStore state,
      EventLog log,
      RetryPolicy retry,
      ProcessorMetrics metrics,
      Clock clock)
      throws SQLException {
    this.processor = processor;
    this.link = link;
    this.stream = stream;
    this.log = log;
    this.retry = retry;
    this.metrics = metrics;
    this.clock = clock;
    this.tx = state.openWriter();
    this.checkpoint = Checkpoints.read(tx, processor.name());
    this.progress = Progress.local(() -> state.checkpoint(processor.name()));
    this.thread =
        Thread.ofPlatform().name("tes-processor-" + processor.name()).unstarted(this::run);
    thread.start();
  }

  public String processorName() {
    return processor.name();
  }

  public Progress progress() {
    return progress;
  }

  private void run() {
    IterableConsumer consumer = null;
    long subscribedGeneration = -1;
    var backoff = new Backoff(100, 5_000);
    while (running) {
      try {
        Connection conn = link.connection();
        if (conn == null) {
          problem = "NATS: " + link.problem();
          Thread.sleep(250);
          continue;
        }
        if (consumer == null || subscribedGeneration != link.generation()) {
          if (consumer != null) {
            consumer.stop();
          }
          subscribedGeneration = link.generation();
          consumer = subscribe(conn);
        }
        problem = "";
        Message first = consumer.nextMessage(250);
        if (first == null) {
          continue;
        }
        var batch = new ArrayList<Message>(BATCH);
        batch.add(first);
        Message next;
        while (batch.size() < BATCH && (next = consumer.nextMessage(1)) != null) {
          batch.add(next);
        }
        process(batch);
        backoff.reset();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception e) {
        problem = e.toString();
        LOG.log(Level.WARNING, "processor {0}: {1}; retrying", processor.name(), e.toString());
        if (consumer != null) {
          consumer.stop();
          consumer = null;
        }
        backoff.pause();
      }
    }
    if (consumer != null) {
      consumer.stop();
    }
  }

  private IterableConsumer subscribe(Connection conn) throws Exception {
    stream.ensure(conn.jetStreamManagement());
    var config =
        ConsumerConfiguration.builder()
            .durable("tes-" + processor.name())
            .ackPolicy(AckPolicy.Explicit)
            .deliverPolicy(DeliverPolicy.All)
            .filterSubject(stream.subjects())
            .ackWait(Duration.ofSeconds(30))
            .maxAckPending(8192)
            // Redeliveries after a crash are bounded; anything skipped is refilled from the log.
            .maxDeliver(10)
            .backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30))
            .build();
    return conn.getStreamContext(stream.name())
        .createOrUpdateConsumer(config)
        .iterate(ConsumeOptions.builder().batchSize(BATCH * 2).build());
  }

  /** Applies a batch; database failures are retried here until they pass, keeping the order. */
  private void process(List<Message> batch) throws InterruptedException {
    var backoff = new Backoff(50, 5_000);
    while (running) {
      work.lock();
      try {
        applyInOrder(items(batch));
        return;
      } catch (SQLException e) {
        rollbackQuietly();
        problem = "database: " + e.getMessage();
        LOG.log(Level.WARNING, "processor {0}: {1}; retrying", processor.name(), e.getMessage());
      } finally {
        work.unlock();
      }
      backoff.pause();
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
    }
  }

  /** The events still to apply, with gaps filled from the log. */
  private List<Item> items(List<Message> batch) {
    var items = new ArrayList<Item>(batch.size());
    long last = checkpoint;
    for (Message message : batch) {
      long position = EventMessages.position(message);
      if (position <= last) {
        message.ack();
        continue;
      }
      if (position > last + 1) {
        for (StoredEvent missing : log.readAfter(last, (int) (position - last - 1))) {
          items.add(new Item(missing, null));
        }
      }
      items.add(new Item(decode(message, position), message));
      last = position;
    }
    return items;
  }

  private StoredEvent decode(Message message, long position) {
    try {
      return EventMessages.fromMessage(message);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "unreadable message at position {0}; reading the log", position);
      return log.readAfter(position - 1, 1).getFirst();
    }
  }

  private void applyInOrder(List<Item> items) throws SQLException, InterruptedException {
    int from = 0;
    while (from < items.size()) {
      int failed = applyFrom(items, from);
      if (failed == items.size()) {
        return;
      }
      retryOrBury(items.get(failed));
      from = failed + 1;
    }
  }

  /**
   * Applies items from an index on in one transaction. When one throws, the transaction is rolled
   * back, the items before it are applied and committed again, and its index is returned.
   */
  private int applyFrom(List<Item> items, int from) throws SQLException {
    int failed = items.size();
    Sqlite.begin(tx);
    for (int i = from; i < items.size(); i++) {
      if (!tryApply(items.get(i).event())) {
        failed = i;
        break;
      }
    }
    if (failed < items.size()) {
      rollbackTx();
      Sqlite.begin(tx);
      for (int i = from; i < failed; i++) {
        if (!tryApply(items.get(i).event())) {
          throw new SQLException("an event that applied a moment ago failed on its second run");
        }
      }
    }
    if (failed > from) {
      commit(items.subList(from, failed));
    } else {
      rollbackTx();
    }
    return failed;
  }

  /** False when the processor threw; database failures propagate. */
  private boolean tryApply(StoredEvent event) throws SQLException {
    try {
      processor.apply(event, tx);
      return true;
    } catch (SQLException e) {
      throw e;
    } catch (Exception e) {
      lastError = e;
      return false;
    }
  }

  private void retryOrBury(Item item) throws SQLException, InterruptedException {
    for (int attempt = 2; attempt <= retry.attempts(); attempt++) {
      sleepWhileKeepingAlive(retry.backoffAfter(attempt - 1), item.message());
      Sqlite.begin(tx);
      if (tryApply(item.event())) {
        commit(List.of(item));
        return;
      }
      rollbackTx();
    }
    String error = String.valueOf(lastError);
    LOG.log(
        Level.WARNING,
        "processor {0} gave up on position {1} after {2} attempts: {3}",
        processor.name(),
        item.event().position(),
        retry.attempts(),
        error);
    Sqlite.begin(tx);
    DeadLetters.record(
        tx, processor.name(), item.event(), error, retry.attempts(), clock.instant());
    commit(List.of(item));
    metrics.deadLettered(processor.name());
  }

  private void commit(List<Item> applied) throws SQLException {
    long last = applied.getLast().event().position();
    Checkpoints.write(tx, processor.name(), last);
    commitTx();
    checkpoint = last;
    long now = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    for (Item item : applied) {
      if (item.message() != null) {
        item.message().ack();
      }
      metrics.lag(processor.name(), item.event(), now);
    }
    metrics.applied(processor.name(), applied.size());
    progress.advance(last);
  }

  private void sleepWhileKeepingAlive(Duration wait, Message message) throws InterruptedException {
    if (message != null) {
      message.inProgress();
    }
    Thread.sleep(wait.toMillis());
  }

  /**
   * Tries a dead letter again, between batches. The event is read from the log, not from the stored
   * copy, so a retry always sees what was committed.
   *
   * @return null when it succeeded, else the error
   */
  public String retryDeadLetter(DeadLetter deadLetter) throws SQLException {
    return exclusively(
        () -> {
          StoredEvent event = log.readAfter(deadLetter.position() - 1, 1).getFirst();
          Sqlite.begin(tx);
          try {
            processor.retry(event, tx);
            DeadLetters.resolve(tx, deadLetter.id(), clock.instant());
            commitTx();
            return null;
          } catch (SQLException e) {
            rollbackQuietly();
            throw e;
          } catch (Exception e) {
            rollbackTx();
            Sqlite.begin(tx);
            DeadLetters.failedAgain(tx, deadLetter.id(), e.toString(), clock.instant());
            commitTx();
            return e.toString();
          }
        });
  }

  /** Runs work on this runner's connection while no batch is being applied. */
  public <T> T exclusively(Callable<T> task) throws SQLException {
    work.lock();
    try {
      return task.call();
    } catch (SQLException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      work.unlock();
    }
  }

  /**
   * The processor's write connection, for {@link #exclusively} work only; transactions on it are
   * explicit ({@link Sqlite#begin}).
   */
  public java.sql.Connection connection() {
    return tx;
  }

  /** The checkpoint as this runner knows it; call under {@link #exclusively}. */
  public long checkpoint() {
    return checkpoint;
  }

  private void commitTx() throws SQLException {
    Sqlite.commit(tx);
    processor.committed();
  }

  private void rollbackTx() throws SQLException {
    processor.rolledBack();
    Sqlite.rollback(tx);
  }

  private void rollbackQuietly() {
    try {
      rollbackTx();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "rollback failed", e);
    }
  }

  @Override
  public String name() {
    return "processor-" + processor.name();
  }

  @Override
  public Result check() {
    String detail = "applied up to position " + progress.applied();
    return problem.isEmpty() ? Result.up(detail) : Result.degraded(detail + "; " + problem);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
      tx.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "closing the state connection failed", e);
    }
  }
}
