package io.tes.dataplane.testing;

import io.tes.dataplane.log.StoredEvent;
import io.tes.dataplane.processor.Processor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test processor whose effect is a counter per position in state.db, so a double effect shows as
 * a count of 2. It throws for events whose data says {@code "poison": true} until healed.
 */
public final class CountingProcessor implements Processor {
  private final String name;
  private final AtomicBoolean healed = new AtomicBoolean();

  public CountingProcessor(String name) {
    this.name = name;
  }

  public void heal() {
    healed.set(true);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void apply(StoredEvent event, Connection state) throws SQLException {
    var data = event.event().data();
    if (!healed.get() && data != null && data.asText().contains("\"poison\":true")) {
      throw new IllegalStateException("poisoned event at position " + event.position());
    }
    try (Statement st = state.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS effects_"
              + name
              + " (position INTEGER PRIMARY KEY, count INTEGER NOT NULL)");
    }
    try (PreparedStatement st =
        state.prepareStatement(
            "INSERT INTO effects_"
                + name
                + " VALUES (?, 1) ON CONFLICT (position) DO UPDATE SET count = count + 1")) {
      st.setLong(1, event.position());
      st.executeUpdate();
    }
  }

  /** Effects by position, read from the database. */
  public static Map<Long, Integer> effects(java.nio.file.Path stateDb, String name)
      throws SQLException {
    var result = new HashMap<Long, Integer>();
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + stateDb);
        var rs = c.createStatement().executeQuery("SELECT position, count FROM effects_" + name)) {
      while (rs.next()) {
        result.put(rs.getLong(1), rs.getInt(2));
      }
    }
    return result;
  }
}
