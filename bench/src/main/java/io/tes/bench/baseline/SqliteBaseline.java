package io.tes.bench.baseline;

import io.tes.bench.dataplane.BenchEvents;
import io.tes.bench.env.Dirs;
import io.tes.bench.env.ProcessStats;
import io.tes.bench.load.Client;
import io.tes.bench.load.LoadSpec;
import io.tes.bench.load.Pacing;
import io.tes.bench.report.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Raw SQLite through JDBC, in the same process: the data plane's events table, WAL, one writer,
 * {@code synchronous} FULL for fsync and NORMAL for os. One row per transaction is the physical
 * limit of an fsync per event; batches of 100 are the disk's write limit, which TES's group commit
 * tries to reach over HTTP.
 */
public final class SqliteBaseline {
  /**
   * The data plane's events table as its first migration creates it (columns, STRICT, both unique
   * constraints, the id index), repeated here rather than imported: the bench measures the shape of
   * the row, and must not break when the data plane reorganizes its classes.
   */
  static final String EVENTS_TABLE =
      """
      CREATE TABLE events (
        position        INTEGER PRIMARY KEY,
        id              TEXT    NOT NULL,
        source          TEXT    NOT NULL,
        type            TEXT    NOT NULL,
        subject         TEXT,
        stream_version  INTEGER,
        time            TEXT,
        recorded_at     INTEGER NOT NULL,
        datacontenttype TEXT,
        dataschema      TEXT,
        extensions      TEXT,
        data_encoding   INTEGER,
        data            BLOB,
        digest          BLOB    NOT NULL,
        UNIQUE (source, id),
        UNIQUE (subject, stream_version)
      ) STRICT
      """;

  private final Duration warmup;
  private final Duration duration;
  private final int batchSize;

  public SqliteBaseline(Duration warmup, Duration duration, int batchSize) {
    this.warmup = warmup;
    this.duration = duration;
    this.batchSize = batchSize;
  }

  public static String rowId(Durability d) {
    return "sqlite.row." + d.label();
  }

  public static String batchId(Durability d) {
    return "sqlite.batch." + d.label();
  }

  public List<BaselineRun> runs(Durability durability, BenchEvents events) {
    var row =
        new Row.Key(
            rowId(durability),
            "baseline",
            "SQLite (JDBC)",
            "1 row per transaction, synchronous=" + durability.sqliteSynchronous(),
            durability.label(),
            "rows/s");
    var batch =
        new Row.Key(
            batchId(durability),
            "baseline",
            "SQLite (JDBC)",
            batchSize + " rows per transaction, synchronous=" + durability.sqliteSynchronous(),
            durability.label(),
            "rows/s");
    return List.of(
        BaselineRun.of(row, spec(1), () -> Writer.open(durability, events, 1), SqliteBaseline::cpu),
        BaselineRun.of(
            batch,
            spec(batchSize),
            () -> Writer.open(durability, events, batchSize),
            SqliteBaseline::cpu));
  }

  /** SQLite runs inside this process: its CPU is this process's (the loop around it is tiny). */
  private static Duration cpu() {
    return ProcessStats.cpuTime(ProcessHandle.current().pid());
  }

  private LoadSpec spec(int rowsPerCall) {
    return LoadSpec.of(new Pacing.ClosedLoop(1), warmup, duration).withItemsPerCall(rowsPerCall);
  }

  /** The single writer: a fresh database file, rows inserted and committed in a loop. */
  private static final class Writer implements Client {
    private final Path dir;
    private final Connection connection;
    private final PreparedStatement insert;
    private final BenchEvents events;
    private final EventRowsBinder binder = new EventRowsBinder();
    private final int rowsPerTransaction;
    private long position;

    private Writer(Path dir, Connection connection, BenchEvents events, int rowsPerTransaction)
        throws SQLException {
      this.dir = dir;
      this.connection = connection;
      this.events = events;
      this.rowsPerTransaction = rowsPerTransaction;
      this.insert =
          connection.prepareStatement(
              "INSERT INTO events (position, "
                  + EventRowsBinder.COLUMNS
                  + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    static Writer open(Durability durability, BenchEvents events, int rows) throws Exception {
      Path dir = Files.createTempDirectory("tes-bench-sqlite");
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("events.db"));
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=" + durability.sqliteSynchronous());
        st.execute(EVENTS_TABLE);
        st.execute("CREATE INDEX events_by_id ON events (id)");
      }
      c.setAutoCommit(false);
      return new Writer(dir, c, events, rows);
    }

    @Override
    public void call() throws SQLException {
      for (int i = 0; i < rowsPerTransaction; i++) {
        insert.setLong(1, ++position);
        binder.bind(insert, 2, events.next());
        insert.executeUpdate();
      }
      connection.commit();
    }

    @Override
    public void close() throws SQLException {
      insert.close();
      connection.close();
      Dirs.deleteRecursively(dir);
    }
  }
}
