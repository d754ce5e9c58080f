package io.tes.dataplane.log;

import io.tes.dataplane.cloudevents.CloudEvent;
import io.tes.dataplane.config.Durability;
import io.tes.dataplane.sqlite.ReadPool;
import io.tes.dataplane.sqlite.Sqlite;
import io.tes.dataplane.sqlite.WalCheckpointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A tenant's append-only event log in its own SQLite database: appends go through the group commit
 * writer, reads through a pool of read-only connections.
 */
public final class EventLog implements AutoCloseable {
  public static final String FILE_NAME = "events.db";

  private final Path file;
  private final GroupCommitWriter writer;
  private final ReadPool readers;
  private final WalCheckpointer checkpointer;

  private EventLog(
      Path file, GroupCommitWriter writer, ReadPool readers, WalCheckpointer checkpointer) {
    this.file = file;
    this.writer = writer;
    this.readers = readers;
    this.checkpointer = checkpointer;
  }

  /** Opens (creating if needed) the log under a directory and migrates it to the latest schema. */
  public static EventLog open(
      Path directory, Durability durability, Clock clock, LogMetrics metrics)
      throws IOException, SQLException {
    Files.createDirectories(directory);
    Path file = directory.resolve(FILE_NAME);
    Connection write = Sqlite.openWriter(file, durability);
    try {
      LogSchema.MIGRATIONS.apply(write);
      var writer = new GroupCommitWriter(write, clock, metrics);
      var readers = new ReadPool(file, Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
      var checkpointer = new WalCheckpointer(Sqlite.openMaintenance(file, durability), 1000);
      return new EventLog(file, writer, readers, checkpointer);
    } catch (SQLException | RuntimeException e) {
      write.close();
      throw e;
    }
  }

  /**
   * Opens the log of another process for reading only (a worker beside the ingest process, on the
   * same volume). Appends through it fail.
   */
  public static EventLog openReadOnly(Path directory) throws SQLException {
    Path file = directory.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new SQLException("no event log at " + file + "; start the ingest process first");
    }
    return new EventLog(file, null, new ReadPool(file, 2), null);
  }

  private GroupCommitWriter writer() {
    if (writer == null) {
      throw new StorageException("this process opened the log read-only", null);
    }
    return writer;
  }

  public Path file() {
    return file;
  }

  public void addCommitListener(CommitListener listener) {
    writer().addListener(listener);
  }

  /**
   * Appends the events of one request atomically and waits for the commit.
   *
   * @return one receipt per event, in order
   * @throws AppendRejectedException when an event is refused (nothing of the request is stored)
   * @throws StorageException when the database fails
   */
  public List<Receipt> append(List<CloudEvent> events) {
    return await(writer().submit(events));
  }

  /** The position a named reader of the log (the outbox relay) has safely passed; 0 at first. */
  public long checkpoint(String name) {
    return readers.query(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("SELECT position FROM checkpoints WHERE name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
              return rs.next() ? rs.getLong(1) : 0L;
            }
          }
        });
  }

  /** Records a checkpoint; it rides along with the next group commit. */
  public void saveCheckpoint(String name, long position) {
    await(
        writer()
            .submit(
                connection -> {
                  try (PreparedStatement st =
                      connection.prepareStatement(
                          "INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT"
                              + " (name) DO UPDATE SET position = excluded.position")) {
                    st.setString(1, name);
                    st.setLong(2, position);
                    st.executeUpdate();
                  }
                }));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting for the commit", e);
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new StorageException("the append failed", e.getCause());
    }
  }

  /** Events after a position, in log order. */
  public List<StoredEvent> readAfter(long position, int limit) {
    return readers.query(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT "
                      + EventRows.COLUMNS
                      + " FROM events WHERE position > ? ORDER BY position LIMIT ?")) {
            st.setLong(1, position);
            st.setInt(2, limit);
            return collect(st);
          }
        });
  }

  /** Events of one subject after a stream version, in stream order. */
  public List<StoredEvent> readStream(String subject, long afterVersion, int limit) {
    return readers.query(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT "
                      + EventRows.COLUMNS
                      + " FROM events WHERE subject = ? AND stream_version > ?"
                      + " ORDER BY stream_version LIMIT ?")) {
            st.setString(1, subject);
            st.setLong(2, afterVersion);
            st.setInt(3, limit);
            return collect(st);
          }
        });
  }

  /** Every event with an id (ids are unique only per source), oldest first. */
  public List<StoredEvent> findById(String id) {
    return readers.query(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT " + EventRows.COLUMNS + " FROM events WHERE id = ? ORDER BY position")) {
            st.setString(1, id);
            return collect(st);
          }
        });
  }

  public Optional<StoredEvent> find(String source, String id) {
    return readers.query(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT " + EventRows.COLUMNS + " FROM events WHERE source = ? AND id = ?")) {
            st.setString(1, source);
            st.setString(2, id);
            return collect(st).stream().findFirst();
          }
        });
  }

  /** The current version of a subject's stream; 0 when it has no events. */
  public long streamVersion(String subject) {
    return readers.query(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("SELECT version FROM streams WHERE subject = ?")) {
            st.setString(1, subject);
            try (ResultSet rs = st.executeQuery()) {
              return rs.next() ? rs.getLong(1) : 0L;
            }
          }
        });
  }

  /** The highest committed position; 0 for an empty log. */
  public long headPosition() {
    return readers.query(
        c -> {
          try (var st = c.createStatement();
              ResultSet rs = st.executeQuery("SELECT coalesce(max(position), 0) FROM events")) {
            return rs.getLong(1);
          }
        });
  }

  private static List<StoredEvent> collect(PreparedStatement st) throws SQLException {
    var events = new ArrayList<StoredEvent>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        events.add(EventRows.read(rs));
      }
    }
    return events;
  }

  @Override
  public void close() {
    if (writer != null) {
      writer.close();
      checkpointer.close();
    }
    readers.close();
  }
}
