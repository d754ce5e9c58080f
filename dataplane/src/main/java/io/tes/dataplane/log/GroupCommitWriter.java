package io.tes.dataplane.log;

import io.tes.dataplane.cloudevents.CloudEvent;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The single writer of a tenant's log. Requests that arrive while a commit is in flight wait in a
 * queue and are committed together in the next transaction, so one fsync serves them all. Each
 * request is atomic: when one of its events is refused, its savepoint is rolled back and the other
 * requests of the group commit as usual. The futures complete only after the commit returned.
 */
final class GroupCommitWriter implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GroupCommitWriter.class.getName());
  private static final int MAX_GROUP_REQUESTS = 1024;
  private static final int MAX_GROUP_EVENTS = 8192;

  private final Connection connection;
  private final Clock clock;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
  private final LogMetrics stats;
  private final Thread thread;
  private final List<CommittedEventsListener> eventListeners = new CopyOnWriteArrayList<>();
  private final PreparedStatement findDuplicate;
  private final PreparedStatement findStream;
  private final PreparedStatement upsertStream;
  private final PreparedStatement insert;
  private final StreamVersions versions;
  private volatile boolean running = true;
  private long nextPosition;
  private List<StoredEvent> committedEvents = new ArrayList<>();

  /**
   * One unit of work waiting for its commit: an append request, or a small write of the log's own
   * bookkeeping (a relay checkpoint), which then shares the group's fsync too.
   */
  private record Pending(
      List<CloudEvent> events,
      List<byte[]> digests,
      WriteTask task,
      CompletableFuture<List<Receipt>> result) {}

  /** Bookkeeping to run inside the next group transaction. */
  @FunctionalInterface
  interface WriteTask {
    void run(Connection connection) throws SQLException;
  }

  GroupCommitWriter(Connection connection, Clock clock, LogMetrics stats) throws SQLException {
    this.connection = connection;
    this.clock = clock;
    this.stats = stats;
    connection.setAutoCommit(false);
    this.findDuplicate =
        connection.prepareStatement(
            "SELECT position, digest, subject, stream_version, recorded_at FROM events"
                + " WHERE source = ? AND id = ?");
    this.findStream = connection.prepareStatement("SELECT version FROM streams WHERE subject = ?");
    this.upsertStream =
        connection.prepareStatement(
            "INSERT INTO streams (subject, version) VALUES (?, ?)"
                + " ON CONFLICT (subject) DO UPDATE SET version = excluded.version");
    this.insert = connection.prepareStatement(EventRows.INSERT);
    this.versions = new StreamVersions(100_000, this::storedVersion);
    try (var st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(max(position), 0) FROM events")) {
      nextPosition = rs.getLong(1) + 1;
    }
    connection.commit();
    this.thread = Thread.ofPlatform().name("tes-log-writer").unstarted(this::run);
    thread.start();
  }

  void addListener(CommitListener listener) {
    listeners.add(listener);
  }

  void addListener(CommittedEventsListener listener) {
    eventListeners.add(listener);
  }

  CompletableFuture<List<Receipt>> submit(List<CloudEvent> events) {
    var digests = events.stream().map(EventDigest::of).toList();
    return enqueue(new Pending(events, digests, null, new CompletableFuture<>()));
  }

  CompletableFuture<List<Receipt>> submit(WriteTask task) {
    return enqueue(new Pending(List.of(), List.of(), task, new CompletableFuture<>()));
  }

  private CompletableFuture<List<Receipt>> enqueue(Pending pending) {
    if (!running) {
      pending.result().completeExceptionally(new StorageException("the log is closed", null));
      return pending.result();
    }
    queue.add(pending);
    return pending.result();
  }

  private void run() {
    var group = new ArrayList<Pending>();
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        int events = first.events().size();
        while (group.size() < MAX_GROUP_REQUESTS && events < MAX_GROUP_EVENTS) {
          Pending next = queue.poll();
          if (next == null) {
            break;
          }
          group.add(next);
          events += next.events().size();
        }
        commit(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "log writer failed a group", e);
        group.forEach(p -> p.result().completeExceptionally(e));
      } finally {
        group.clear();
      }
    }
    Pending left;
    while ((left = queue.poll()) != null) {
      left.result().completeExceptionally(new StorageException("the log is closed", null));
    }
  }

  private void commit(List<Pending> group) {
    long started = System.nanoTime();
    long firstPosition = nextPosition;
    long recordedAt = EventRows.toMicros(clock.instant());
    var outcomes = new Object[group.size()];
    int stored = 0;
    try {
      for (int i = 0; i < group.size(); i++) {
        Pending pending = group.get(i);
        outcomes[i] = applyAtomically(pending, recordedAt);
        if (outcomes[i] instanceof List<?> receipts) {
          stored += (int) receipts.stream().filter(r -> !((Receipt) r).duplicate()).count();
        }
      }
      for (var entry : versions.pending().entrySet()) {
        upsertStream.setString(1, entry.getKey());
        upsertStream.setLong(2, entry.getValue());
        upsertStream.executeUpdate();
      }
      connection.commit();
      versions.committed();
    } catch (SQLException e) {
      nextPosition = firstPosition;
      versions.abandoned();
      committedEvents = new ArrayList<>();
      rollbackQuietly();
      var failure = new StorageException("the log could not commit: " + e.getMessage(), e);
      group.forEach(p -> p.result().completeExceptionally(failure));
      return;
    }
    stats.groupCommitted(group.size(), stored, System.nanoTime() - started);
    List<StoredEvent> handed = committedEvents;
    committedEvents = new ArrayList<>();
    if (stored > 0) {
      for (CommittedEventsListener listener : eventListeners) {
        try {
          listener.committed(handed);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "commit listener failed", e);
        }
      }
      for (CommitListener listener : listeners) {
        try {
          listener.committed(nextPosition - 1, stored);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "commit listener failed", e);
        }
      }
    }
    for (int i = 0; i < group.size(); i++) {
      complete(group.get(i), outcomes[i]);
    }
  }

  @SuppressWarnings("unchecked")
  private static void complete(Pending pending, Object outcome) {
    if (outcome instanceof AppendRejectedException rejected) {
      pending.result().completeExceptionally(rejected);
    } else {
      pending.result().complete((List<Receipt>) outcome);
    }
  }

  /** Applies one request; a single event needs no savepoint, since it is refused before writing. */
  private Object applyAtomically(Pending pending, long recordedAt) throws SQLException {
    long positionBefore = nextPosition;
    if (pending.task() != null) {
      pending.task().run(connection);
      return List.of();
    }
    if (pending.events().size() == 1) {
      try {
        return apply(pending, recordedAt);
      } catch (AppendRejectedException e) {
        return e;
      }
    }
    Savepoint savepoint = connection.setSavepoint();
    int versionsMark = versions.mark();
    int eventsMark = committedEvents.size();
    try {
      List<Receipt> receipts = apply(pending, recordedAt);
      connection.releaseSavepoint(savepoint);
      return receipts;
    } catch (AppendRejectedException e) {
      connection.rollback(savepoint);
      connection.releaseSavepoint(savepoint);
      nextPosition = positionBefore;
      versions.rollbackTo(versionsMark);
      committedEvents.subList(eventsMark, committedEvents.size()).clear();
      return e;
    }
  }

  /**
   * Appends the events of one request. The insert itself detects a duplicate {@code (source, id)}
   * (it then writes nothing), so the common case costs one statement per event; the stored event is
   * read only for a duplicate, or before refusing an expected version, since a retried event must
   * get its original receipt rather than a conflict.
   */
  private List<Receipt> apply(Pending pending, long recordedAt) throws SQLException {
    var receipts = new ArrayList<Receipt>(pending.events().size());
    for (int i = 0; i < pending.events().size(); i++) {
      CloudEvent event = pending.events().get(i);
      byte[] digest = pending.digests().get(i);
      Long version = null;
      if (event.subject() != null) {
        long current = versions.current(event.subject());
        Object expected = event.extensions().get(CloudEvent.EXPECTED_VERSION);
        if (expected instanceof Long want && want != current) {
          Receipt duplicate = findDuplicate(i, event, digest);
          if (duplicate != null) {
            receipts.add(duplicate);
            continue;
          }
          throw new VersionConflictException(i, event.subject(), want, current);
        }
        version = current + 1;
      }
      long position = nextPosition;
      EventRows.bindInsert(insert, position, version, recordedAt, event, digest);
      if (insert.executeUpdate() == 0) {
        receipts.add(Objects.requireNonNull(findDuplicate(i, event, digest)));
        continue;
      }
      nextPosition++;
      if (version != null) {
        versions.advance(event.subject(), version);
      }
      Instant recorded = EventRows.fromMicros(recordedAt);
      if (!eventListeners.isEmpty()) {
        committedEvents.add(new StoredEvent(position, version, recorded, event));
      }
      receipts.add(
          new Receipt(
              event.id(), event.source(), event.subject(), position, version, recorded, false));
    }
    return receipts;
  }

  private Receipt findDuplicate(int index, CloudEvent event, byte[] digest) throws SQLException {
    findDuplicate.setString(1, event.source());
    findDuplicate.setString(2, event.id());
    try (ResultSet rs = findDuplicate.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      long position = rs.getLong(1);
      if (!Arrays.equals(rs.getBytes(2), digest)) {
        throw new DuplicateConflictException(index, event.source(), event.id(), position);
      }
      long version = rs.getLong(4);
      Long streamVersion = rs.wasNull() ? null : version;
      return new Receipt(
          event.id(),
          event.source(),
          rs.getString(3),
          position,
          streamVersion,
          EventRows.fromMicros(rs.getLong(5)),
          true);
    }
  }

  private long storedVersion(String subject) throws SQLException {
    findStream.setString(1, subject);
    try (ResultSet rs = findStream.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "rollback failed", e);
    }
  }

  /** Stops taking requests, commits what is queued, and closes the connection. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Pending late;
    while ((late = queue.poll()) != null) {
      late.result().completeExceptionally(new StorageException("the log is closed", null));
    }
    try {
      insert.close();
      findDuplicate.close();
      findStream.close();
      upsertStream.close();
      connection.close();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "closing the write connection failed", e);
    }
  }
}
