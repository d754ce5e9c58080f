package io.tes.dataplane.processor;

import io.tes.dataplane.config.Durability;
import io.tes.dataplane.sqlite.ReadPool;
import io.tes.dataplane.sqlite.Sqlite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The processors' database, apart from the log: processors write here at their own pace without
 * ever taking the log's write lock, and a worker process on the same volume can own it.
 */
public final class StateStore implements AutoCloseable {
  public static final String FILE_NAME = "state.db";

  private final Path file;
  private final Durability durability;
  private final ReadPool readers;

  private StateStore(Path file, Durability durability, ReadPool readers) {
    this.file = file;
    this.durability = durability;
    this.readers = readers;
  }

  /**
   * Opens (creating if needed) the processors' database. It never waits for fsync, whatever the
   * tenant's durability: everything in it is derived from the log, and a processor's effects and
   * checkpoint commit together, so commits lost to a power cut take their checkpoint with them and
   * are applied again from JetStream or the log. An fsync per processor batch would only compete
   * with the log's own fsyncs for the disk.
   */
  public static StateStore open(Path directory) throws IOException, SQLException {
    Files.createDirectories(directory);
    Path file = directory.resolve(FILE_NAME);
    try (Connection migrate = Sqlite.openStateWriter(file, Durability.OS)) {
      StateSchema.MIGRATIONS.apply(migrate);
    }
    return new StateStore(file, Durability.OS, new ReadPool(file, 4));
  }

  /**
   * A new write connection, with explicit transactions ({@link Sqlite#begin}); the caller owns and
   * closes it.
   */
  public Connection openWriter() throws SQLException {
    return Sqlite.openStateWriter(file, durability);
  }

  public ReadPool readers() {
    return readers;
  }

  public Path file() {
    return file;
  }

  /** Where a processor stands: every position up to this one is applied or dead-lettered. */
  public long checkpoint(String processor) {
    return readers.query(c -> Checkpoints.read(c, processor));
  }

  @Override
  public void close() {
    readers.close();
  }

  /** Checkpoint rows, read and written inside the caller's transaction. */
  static final class Checkpoints {
    private Checkpoints() {}

    static long read(Connection connection, String processor) throws SQLException {
      try (PreparedStatement st =
          connection.prepareStatement("SELECT position FROM checkpoints WHERE processor = ?")) {
        st.setString(1, processor);
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    }

    static void write(Connection connection, String processor, long position) throws SQLException {
      try (PreparedStatement st =
          connection.prepareStatement(
              "INSERT INTO checkpoints (processor, position) VALUES (?, ?)"
                  + " ON CONFLICT (processor) DO UPDATE SET position = excluded.position")) {
        st.setString(1, processor);
        st.setLong(2, position);
        st.executeUpdate();
      }
    }
  }
}
