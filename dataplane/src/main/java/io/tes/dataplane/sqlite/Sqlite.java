package io.tes.dataplane.sqlite;

import io.tes.dataplane.config.Durability;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/** Opens connections to a tenant's SQLite databases with the settings each role needs. */
public final class Sqlite {
  private Sqlite() {}

  /**
   * The one write connection. WAL mode; fsync per commit for {@code fsync} durability; automatic
   * checkpoints off, because a background checkpointer does them outside the commit path.
   */
  public static Connection openWriter(Path file, Durability durability) throws SQLException {
    SQLiteConfig config = common(durability);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "0");
    config.setPragma(SQLiteConfig.Pragma.JOURNAL_SIZE_LIMIT, Long.toString(64L << 20));
    return config.createConnection(url(file));
  }

  /** A connection for queries; it cannot write, so a bug cannot corrupt the log through it. */
  public static Connection openReader(Path file) throws SQLException {
    Connection connection = common(Durability.OS).createConnection(url(file));
    try (var st = connection.createStatement()) {
      st.execute("PRAGMA query_only = true");
    }
    return connection;
  }

  /**
   * A write connection to the processors' database (state.db), of which several exist. It stays in
   * autocommit mode: the driver would otherwise open the next transaction right after each commit
   * and hold the write lock between batches. Transactions are explicit, through {@link #begin},
   * {@link #commit} and {@link #rollback}.
   */
  public static Connection openStateWriter(Path file, Durability durability) throws SQLException {
    SQLiteConfig config = common(durability);
    return config.createConnection(url(file));
  }

  /** Starts a write transaction, waiting (busy timeout) for the write lock. */
  public static void begin(Connection connection) throws SQLException {
    try (var st = connection.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
    }
  }

  public static void commit(Connection connection) throws SQLException {
    try (var st = connection.createStatement()) {
      st.execute("COMMIT");
    }
  }

  /** Rolls back the open transaction, if there is one. */
  public static void rollback(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
      return;
    }
    try (var st = connection.createStatement()) {
      st.execute("ROLLBACK");
    } catch (SQLException e) {
      if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
        throw e;
      }
    }
  }

  /** A connection for housekeeping (checkpoints, integrity checks). */
  public static Connection openMaintenance(Path file, Durability durability) throws SQLException {
    SQLiteConfig config = common(durability);
    return config.createConnection(url(file));
  }

  /** Settings every connection shares; durability decides whether a commit waits for fsync. */
  private static SQLiteConfig common(Durability durability) {
    SQLiteConfig config = new SQLiteConfig();
    config.setSynchronous(
        durability == Durability.FSYNC
            ? SQLiteConfig.SynchronousMode.FULL
            : SQLiteConfig.SynchronousMode.NORMAL);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(10_000);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setCacheSize(-16_000);
    return config;
  }

  private static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }
}
