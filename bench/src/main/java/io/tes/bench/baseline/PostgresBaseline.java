package io.tes.bench.baseline;

import io.tes.bench.dataplane.BenchEvents;
import io.tes.bench.env.PostgresCluster;
import io.tes.bench.env.ProcessStats;
import io.tes.bench.load.Client;
import io.tes.bench.load.LoadSpec;
import io.tes.bench.load.Pacing;
import io.tes.bench.report.Row;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * What many teams would build instead: an events table in PostgreSQL, written through JDBC by as
 * many connections as the TES run has clients. {@code synchronous_commit=on} for fsync (PostgreSQL
 * groups concurrent commits' WAL flushes itself), {@code off} for os.
 */
public final class PostgresBaseline {
  private static final String TABLE =
      """
      CREATE TABLE IF NOT EXISTS events (
        position        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id              TEXT   NOT NULL,
        source          TEXT   NOT NULL,
        type            TEXT   NOT NULL,
        subject         TEXT,
        stream_version  BIGINT,
        time            TEXT,
        recorded_at     BIGINT NOT NULL,
        datacontenttype TEXT,
        dataschema      TEXT,
        extensions      TEXT,
        data_encoding   INTEGER,
        data            BYTEA,
        digest          BYTEA  NOT NULL,
        UNIQUE (source, id),
        UNIQUE (subject, stream_version)
      )""";
  private static final String INSERT =
      "INSERT INTO events ("
          + EventRowsBinder.COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final PostgresCluster cluster;
  private final EventRowsBinder binder = new EventRowsBinder();

  public PostgresBaseline(PostgresCluster cluster) throws SQLException {
    this.cluster = cluster;
    try (Connection c = cluster.connect();
        Statement st = c.createStatement()) {
      st.execute(TABLE);
      st.execute("CREATE INDEX IF NOT EXISTS events_by_id ON events (id)");
    }
  }

  public static String rowId(Durability d) {
    return "postgres.row." + d.label();
  }

  public static String batchId(Durability d) {
    return "postgres.batch." + d.label();
  }

  public List<BaselineRun> runs(
      Durability d,
      BenchEvents events,
      Duration warmup,
      Duration duration,
      int clients,
      int batchClients,
      int batchSize) {
    String sync = "synchronous_commit=" + d.postgresSynchronousCommit();
    return List.of(
        BaselineRun.of(
            new Row.Key(
                rowId(d),
                "baseline",
                "PostgreSQL (JDBC)",
                "1 row per transaction, " + sync,
                d.label(),
                "rows/s"),
            LoadSpec.of(new Pacing.ClosedLoop(clients), warmup, duration),
            () -> new Writer(open(d), events, 1),
            this::serverCpu),
        BaselineRun.of(
            new Row.Key(
                batchId(d),
                "baseline",
                "PostgreSQL (JDBC)",
                batchSize + " rows per transaction, " + sync,
                d.label(),
                "rows/s"),
            LoadSpec.of(new Pacing.ClosedLoop(batchClients), warmup, duration)
                .withItemsPerCall(batchSize),
            () -> new Writer(open(d), events, batchSize),
            this::serverCpu));
  }

  private Connection open(Durability d) throws SQLException {
    // Batched inserts rewritten into multi-row INSERTs: the fast path a team would switch on.
    Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:"
                + cluster.port()
                + "/postgres?user=postgres&reWriteBatchedInserts=true");
    try (Statement st = c.createStatement()) {
      st.execute("SET synchronous_commit = " + d.postgresSynchronousCommit());
    }
    return c;
  }

  private Duration serverCpu() {
    return ProcessStats.treeCpuTime(cluster.postmasterPid());
  }

  /** One connection inserting one row per transaction, or a batch per transaction. */
  private final class Writer implements Client {
    private final Connection connection;
    private final PreparedStatement insert;
    private final BenchEvents events;
    private final int rowsPerTransaction;

    Writer(Connection connection, BenchEvents events, int rowsPerTransaction) throws SQLException {
      this.connection = connection;
      this.events = events;
      this.rowsPerTransaction = rowsPerTransaction;
      this.insert = connection.prepareStatement(INSERT);
      connection.setAutoCommit(rowsPerTransaction == 1);
    }

    @Override
    public void call() throws SQLException {
      if (rowsPerTransaction == 1) {
        binder.bind(insert, 1, events.next());
        insert.executeUpdate();
        return;
      }
      for (int i = 0; i < rowsPerTransaction; i++) {
        binder.bind(insert, 1, events.next());
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    }

    @Override
    public void close() throws SQLException {
      insert.close();
      connection.close();
    }
  }
}
