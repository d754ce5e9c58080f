package io.tes.dataplane.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations of one database, applied in order at start-up, one transaction each.
 * A released migration is never edited; a change is a new version.
 */
public final class Migrations {
  /** One schema version. */
  public record Migration(int version, String description, List<String> statements) {}

  private final String database;
  private final List<Migration> all;

  public Migrations(String database, List<Migration> all) {
    this.database = database;
    this.all = List.copyOf(all);
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).version() != i + 1) {
        throw new IllegalArgumentException("migrations of " + database + " must be numbered 1..n");
      }
    }
  }

  /** The newest schema version this build knows. */
  public int latest() {
    return all.getLast().version();
  }

  /**
   * Brings the database to the latest version; refuses a database from a newer build. The whole
   * check runs in one write transaction, so two processes starting together do not race.
   */
  public void apply(Connection connection) throws SQLException {
    Sqlite.begin(connection);
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS schema_migrations ("
              + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
      int current = currentVersion(connection);
      if (current > latest()) {
        throw new IllegalStateException(
            "the "
                + database
                + " database is at schema version "
                + current
                + ", newer than this build knows ("
                + latest()
                + "); run a newer TES");
      }
      for (Migration migration : all.subList(current, all.size())) {
        for (String sql : migration.statements()) {
          st.execute(sql);
        }
        try (PreparedStatement record =
            connection.prepareStatement(
                "INSERT INTO schema_migrations VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))")) {
          record.setInt(1, migration.version());
          record.setString(2, migration.description());
          record.executeUpdate();
        }
      }
      Sqlite.commit(connection);
    } catch (SQLException | RuntimeException e) {
      Sqlite.rollback(connection);
      throw e;
    }
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        var rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
      return rs.getInt(1);
    }
  }
}
