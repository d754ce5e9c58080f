package io.tes.dataplane.processor;

import io.tes.dataplane.events.EventJson;
import io.tes.dataplane.http.Json;
import io.tes.dataplane.log.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The dead_letters table, always used inside the caller's transaction or read connection. */
public final class DeadLetters {
  private static final String COLUMNS =
      "id, processor, position, event, error, attempts, first_failed_at, last_failed_at,"
          + " resolved_at";

  private DeadLetters() {}

  /** Records a failure; a second failure of the same event updates the first record. */
  static void record(
      Connection tx, String processor, StoredEvent event, String error, int attempts, Instant now)
      throws SQLException {
    try (PreparedStatement st =
        tx.prepareStatement(
            "INSERT INTO dead_letters (processor, position, event, error, attempts,"
                + " first_failed_at, last_failed_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (processor, position) DO UPDATE SET error = excluded.error,"
                + " attempts = dead_letters.attempts + excluded.attempts,"
                + " last_failed_at = excluded.last_failed_at, resolved_at = NULL")) {
      st.setString(1, processor);
      st.setLong(2, event.position());
      st.setString(3, Json.mapper().writeValueAsString(EventJson.of(event)));
      st.setString(4, error);
      st.setInt(5, attempts);
      st.setLong(6, micros(now));
      st.setLong(7, micros(now));
      st.executeUpdate();
    }
  }

  static void resolve(Connection tx, long id, Instant now) throws SQLException {
    try (PreparedStatement st =
        tx.prepareStatement("UPDATE dead_letters SET resolved_at = ? WHERE id = ?")) {
      st.setLong(1, micros(now));
      st.setLong(2, id);
      st.executeUpdate();
    }
  }

  static void failedAgain(Connection tx, long id, String error, Instant now) throws SQLException {
    try (PreparedStatement st =
        tx.prepareStatement(
            "UPDATE dead_letters SET attempts = attempts + 1, error = ?, last_failed_at = ?"
                + " WHERE id = ?")) {
      st.setString(1, error);
      st.setLong(2, micros(now));
      st.setLong(3, id);
      st.executeUpdate();
    }
  }

  /** Dead letters, newest first; {@code processor} may be null for all, {@code open} filters. */
  public static List<DeadLetter> list(
      Connection c, String processor, boolean openOnly, long beforeId, int limit)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM dead_letters WHERE (? IS NULL OR processor = ?)"
                + " AND (? = 0 OR resolved_at IS NULL) AND id < ? ORDER BY id DESC LIMIT ?")) {
      st.setString(1, processor);
      st.setString(2, processor);
      st.setInt(3, openOnly ? 1 : 0);
      st.setLong(4, beforeId);
      st.setInt(5, limit);
      var result = new ArrayList<DeadLetter>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          result.add(read(rs));
        }
      }
      return result;
    }
  }

  public static Optional<DeadLetter> find(Connection c, long id) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("SELECT " + COLUMNS + " FROM dead_letters WHERE id = ?")) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** Open dead letters by processor, for the metrics gauge. */
  public static long countOpen(Connection c, String processor) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT count(*) FROM dead_letters WHERE processor = ? AND resolved_at IS NULL")) {
      st.setString(1, processor);
      try (ResultSet rs = st.executeQuery()) {
        return rs.getLong(1);
      }
    }
  }

  private static DeadLetter read(ResultSet rs) throws SQLException {
    long resolved = rs.getLong(9);
    Instant resolvedAt = rs.wasNull() ? null : instant(resolved);
    return new DeadLetter(
        rs.getLong(1),
        rs.getString(2),
        rs.getLong(3),
        Json.mapper().readTree(rs.getString(4)),
        rs.getString(5),
        rs.getInt(6),
        instant(rs.getLong(7)),
        instant(rs.getLong(8)),
        resolvedAt);
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
