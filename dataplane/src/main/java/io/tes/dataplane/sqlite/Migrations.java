package io.tes.dataplane.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations, applied in order at start-up inside one transaction each. A
 * migration is never edited once released; a change is a new version.
 */
public final class Migrations {
  /** One schema version. */
  public record Migration(int version, String description, List<String> statements) {}

  private static final List<Migration> ALL =
      List.of(
          new Migration(
              1,
              "event log and stream versions",
              List.of(
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
                  """,
                  """
                  CREATE TABLE streams (
                    subject TEXT PRIMARY KEY,
                    version INTEGER NOT NULL
                  ) STRICT, WITHOUT ROWID
                  """,
                  "CREATE INDEX events_by_id ON events (id)")));

  private Migrations() {}

  /** The newest schema version this build knows. */
  public static int latest() {
    return ALL.getLast().version();
  }

  /** Brings the database to the latest version; refuses a database from a newer build. */
  public static void apply(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS schema_migrations ("
              + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
    }
    int current = currentVersion(connection);
    if (current > latest()) {
      throw new IllegalStateException(
          "the database is at schema version "
              + current
              + ", newer than this build knows ("
              + latest()
              + "); run a newer TES");
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      for (Migration migration : ALL) {
        if (migration.version() <= current) {
          continue;
        }
        try (Statement st = connection.createStatement()) {
          for (String sql : migration.statements()) {
            st.execute(sql);
          }
          st.execute(
              "INSERT INTO schema_migrations VALUES ("
                  + migration.version()
                  + ", '"
                  + migration.description().replace("'", "''")
                  + "', strftime('%Y-%m-%dT%H:%M:%fZ','now'))");
        }
        connection.commit();
      }
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        var rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
      return rs.getInt(1);
    }
  }
}
