package io.tes.dataplane.projection;

import io.tes.dataplane.http.Json;
import io.tes.dataplane.sqlite.StatementCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Rows of a things table. The table name is a parameter so a rebuild can fill a second table aside;
 * it is never taken from a request.
 */
final class ThingTable {
  static final String COLUMNS =
      "id, version, state, deleted, created_at, updated_at, last_event_type, last_position";

  private final String table;
  private final ThingCache cache;
  private final StatementCache statements = new StatementCache();
  private final String findSql;
  private final String upsertSql;

  private ThingTable(String table, ThingCache cache) {
    this.table = table;
    this.cache = cache;
    this.findSql = "SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?";
    this.upsertSql =
        "INSERT INTO "
            + table
            + " ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            + " version = excluded.version, state = excluded.state,"
            + " deleted = excluded.deleted, created_at = excluded.created_at,"
            + " updated_at = excluded.updated_at, last_event_type = excluded.last_event_type,"
            + " last_position = excluded.last_position";
  }

  /** The table as its one writer sees it: what it read or wrote stays in memory. */
  static ThingTable cached(String table) {
    return new ThingTable(table, new ThingCache(10_000));
  }

  /** The table as readers see it: every read asks the database. */
  static ThingTable uncached(String table) {
    return new ThingTable(table, null);
  }

  String name() {
    return table;
  }

  Thing find(Connection c, String id) throws SQLException {
    Thing cached = cache == null ? null : cache.get(id);
    if (cached != null) {
      return cached;
    }
    PreparedStatement st = statements.get(c, findSql);
    st.setString(1, id);
    try (ResultSet rs = st.executeQuery()) {
      Thing found = rs.next() ? read(rs) : null;
      if (found != null && cache != null) {
        cache.loaded(found);
      }
      return found;
    }
  }

  /** The writer's transaction committed: what it wrote is now what the table holds. */
  void committed() {
    if (cache != null) {
      cache.committed();
    }
  }

  /** The writer's transaction rolled back. */
  void rolledBack() {
    if (cache != null) {
      cache.rolledBack();
    }
  }

  /** The table was replaced under the writer (a rebuild): forget everything. */
  void replaced() {
    if (cache != null) {
      cache.clear();
    }
  }

  void upsert(Connection c, Thing thing) throws SQLException {
    PreparedStatement st = statements.get(c, upsertSql);
    st.setString(1, thing.id());
    st.setLong(2, thing.version());
    st.setString(3, thing.state() == null ? null : Json.mapper().writeValueAsString(thing.state()));
    st.setInt(4, thing.deleted() ? 1 : 0);
    st.setLong(5, micros(thing.createdAt()));
    st.setLong(6, micros(thing.updatedAt()));
    st.setString(7, thing.lastEventType());
    st.setLong(8, thing.lastPosition());
    st.executeUpdate();
    if (cache != null) {
      cache.written(thing);
    }
  }

  static Thing read(ResultSet rs) throws SQLException {
    String state = rs.getString(3);
    return new Thing(
        rs.getString(1),
        rs.getLong(2),
        state == null ? null : Json.mapper().readTree(state),
        rs.getInt(4) != 0,
        instant(rs.getLong(5)),
        instant(rs.getLong(6)),
        rs.getString(7),
        rs.getLong(8));
  }

  static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
