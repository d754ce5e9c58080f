package io.tes.dataplane.sqlite;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed set of read-only connections. SQLite connections are not thread-safe, so a query borrows
 * one for its duration; in WAL mode readers never block the writer.
 */
public final class ReadPool implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ReadPool.class.getName());

  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();

  /** A unit of work on a borrowed connection. */
  @FunctionalInterface
  public interface Query<T> {
    T run(Connection connection) throws SQLException;
  }

  public ReadPool(Path file, int size) throws SQLException {
    idle = new ArrayBlockingQueue<>(size);
    for (int i = 0; i < size; i++) {
      Connection connection = Sqlite.openReader(file);
      all.add(connection);
      idle.add(connection);
    }
  }

  public <T> T query(Query<T> query) {
    Connection connection;
    try {
      connection = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SqliteException("interrupted while waiting for a read connection", e);
    }
    try {
      return query.run(connection);
    } catch (SQLException e) {
      throw new SqliteException("a read failed: " + e.getMessage(), e);
    } finally {
      idle.add(connection);
    }
  }

  @Override
  public void close() {
    for (Connection connection : all) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "closing a read connection failed", e);
      }
    }
  }
}
