package io.tes.dataplane.sqlite;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies the write-ahead log back into the database file in the background. SQLite would otherwise
 * do it inside a commit every thousand pages, and that commit's requests would wait for it: the
 * largest source of tail latency in a WAL database under steady writes.
 */
public final class WalCheckpointer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WalCheckpointer.class.getName());

  private final Connection connection;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("tes-wal-checkpoint").daemon().unstarted(r));

  public WalCheckpointer(Connection connection, long periodMillis) {
    this.connection = connection;
    scheduler.scheduleWithFixedDelay(
        this::checkpoint, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void checkpoint() {
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "WAL checkpoint failed; it will be retried", e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "final WAL checkpoint failed; SQLite replays the WAL at next open", e);
    }
  }
}
