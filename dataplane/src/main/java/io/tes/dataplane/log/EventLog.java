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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

  public void addCommittedEventsListener(CommittedEventsListener listener) {
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
    return number("SELECT position FROM checkpoints WHERE name = ?", 0, name);
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
    return events("WHERE position > ? ORDER BY position LIMIT ?", position, (long) limit);
  }

  /** Events of one subject after a stream version, in stream order. */
  public List<StoredEvent> readStream(String subject, long afterVersion, int limit) {
    return events(
        "WHERE subject = ? AND stream_version > ? ORDER BY stream_version LIMIT ?",
        subject,
        afterVersion,
        (long) limit);
  }

  /** Every event with an id (ids are unique only per source), oldest first. */
  public List<StoredEvent> findById(String id) {
    return events("WHERE id = ? ORDER BY position", id);
  }

  public Optional<StoredEvent> find(String source, String id) {
    return events("WHERE source = ? AND id = ?", source, id).stream().findFirst();
  }

  /** The current version of a subject's stream; 0 when it has no events. */
  public long streamVersion(String subject) {
    return number("SELECT version FROM streams WHERE subject = ?", 0, subject);
  }

  /** The highest committed position; 0 for an empty log. */
  public long headPosition() {
    return number("SELECT coalesce(max(position), 0) FROM events", 0);
  }

  /**
   * What a filtered read of the log selects; an empty list or a null bound means "any".
   *
   * @param types event types, any of which matches
   * @param subjects subjects, any of which matches
   * @param sources sources, any of which matches
   * @param recordedFrom earliest recorded time (inclusive)
   * @param recordedBefore latest recorded time (exclusive)
   */
  public record Filter(
      List<String> types,
      List<String> subjects,
      List<String> sources,
      Instant recordedFrom,
      Instant recordedBefore) {
    public static final Filter ANY = new Filter(null, null, null, null, null);

    public Filter {
      types = types == null ? List.of() : List.copyOf(types);
      subjects = subjects == null ? List.of() : List.copyOf(subjects);
      sources = sources == null ? List.of() : List.copyOf(sources);
    }
  }

  /**
   * Events that match a filter, strictly between two positions, in log order or newest first.
   * Paging by position never skips or repeats an event: positions are gap-free and a reader sees
   * whole group commits only.
   */
  public List<StoredEvent> select(
      Filter filter, long afterPosition, long beforePosition, boolean newestFirst, int limit) {
    var sql = new StringBuilder("WHERE position > ? AND position < ?");
    var args = new ArrayList<Object>(List.of(afterPosition, beforePosition));
    in(sql, args, "type", filter.types());
    in(sql, args, "subject", filter.subjects());
    in(sql, args, "source", filter.sources());
    if (filter.recordedFrom() != null) {
      sql.append(" AND recorded_at >= ?");
      args.add(EventRows.toMicros(filter.recordedFrom()));
    }
    if (filter.recordedBefore() != null) {
      sql.append(" AND recorded_at < ?");
      args.add(EventRows.toMicros(filter.recordedBefore()));
    }
    sql.append(" ORDER BY position").append(newestFirst ? " DESC" : "").append(" LIMIT ?");
    args.add((long) limit);
    return events(sql.toString(), args.toArray());
  }

  private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    sql.append(" AND ").append(column).append(" IN (");
    for (int i = 0; i < values.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    sql.append(')');
    args.addAll(values);
  }

  /** Binds Long and String arguments in order. */
  private static void bindAll(PreparedStatement st, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Long l) {
        st.setLong(i + 1, l);
      } else {
        st.setString(i + 1, (String) args[i]);
      }
    }
  }

  /** Events selected by {@code SELECT <event columns> FROM events <rest>}. */
  private List<StoredEvent> events(String rest, Object... args) {
    String sql = "SELECT " + EventRows.COLUMNS + " FROM events " + rest;
    return readers.query(
        c -> {
          try (PreparedStatement st = c.prepareStatement(sql)) {
            bindAll(st, args);
            return collect(st);
          }
        });
  }

  /** The first column of the first row of a query, or {@code fallback} when it has no row. */
  private long number(String sql, long fallback, Object... args) {
    return readers.query(
        c -> {
          try (PreparedStatement st = c.prepareStatement(sql)) {
            bindAll(st, args);
            try (ResultSet rs = st.executeQuery()) {
              return rs.next() ? rs.getLong(1) : fallback;
            }
          }
        });
  }

  /**
   * An inclusive range of one subject's stream versions.
   *
   * @param subject the stream
   * @param fromVersion first version
   * @param toVersion last version
   */
  public record StreamRange(String subject, long fromVersion, long toVersion) {}

  /**
   * Several streams' version ranges in one query (a batch of a data loader), one list per range in
   * the order given. Stream versions are gap-free, so a range is also a page.
   */
  public List<List<StoredEvent>> readStreamRanges(List<StreamRange> ranges) {
    if (ranges.isEmpty()) {
      return List.of();
    }
    var sql = new StringBuilder("WITH r(k, s, lo, hi) AS (VALUES ");
    for (int i = 0; i < ranges.size(); i++) {
      sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
    }
    sql.append(") SELECT ")
        .append(EventRows.COLUMNS)
        .append(
            ", r.k FROM r JOIN events ON subject = r.s AND stream_version BETWEEN r.lo AND r.hi")
        .append(" ORDER BY r.k, stream_version");
    return readers.query(
        c -> {
          try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (int i = 0; i < ranges.size(); i++) {
              st.setLong(p++, i);
              st.setString(p++, ranges.get(i).subject());
              st.setLong(p++, ranges.get(i).fromVersion());
              st.setLong(p++, ranges.get(i).toVersion());
            }
            var result = new ArrayList<List<StoredEvent>>(ranges.size());
            ranges.forEach(r -> result.add(new ArrayList<>()));
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                result.get(rs.getInt(14)).add(EventRows.read(rs));
              }
            }
            return result;
          }
        });
  }

  /** The events at the given positions, in log order; positions not in the log are left out. */
  public List<StoredEvent> readPositions(Collection<Long> positions) {
    if (positions.isEmpty()) {
      return List.of();
    }
    var sql = new StringBuilder("WHERE position IN (");
    for (int i = 0; i < positions.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    sql.append(") ORDER BY position");
    return events(sql.toString(), positions.toArray());
  }

  /** The last position recorded at or before a time; 0 when the log had nothing by then. */
  public long positionAt(Instant time) {
    return number(
        "SELECT position FROM events WHERE recorded_at <= ?"
            + " ORDER BY recorded_at DESC, position DESC LIMIT 1",
        0,
        EventRows.toMicros(time));
  }

  /** How many subjects have a stream. */
  public long streamCount() {
    return number("SELECT count(*) FROM streams", 0);
  }

  /** How many events the log holds of each type, by type name. */
  public Map<String, Long> typeCounts() {
    return readers.query(
        c -> {
          var counts = new TreeMap<String, Long>();
          try (var st = c.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT type, count(*) FROM events GROUP BY type ORDER BY type")) {
            while (rs.next()) {
              counts.put(rs.getString(1), rs.getLong(2));
            }
          }
          return counts;
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
