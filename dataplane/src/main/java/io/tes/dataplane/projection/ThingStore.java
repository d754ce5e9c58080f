package io.tes.dataplane.projection;

import io.tes.dataplane.projection.ThingQuery.Cursor;
import io.tes.dataplane.projection.ThingQuery.Filter;
import io.tes.dataplane.sqlite.ReadPool;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the things table: one thing, or a filtered, sorted page of them. */
public final class ThingStore {
  /** The lowest value SQLite can order; it stands for a missing state field in a sort. */
  private static final double MISSING = Double.NEGATIVE_INFINITY;

  private final ReadPool readers;
  private final ThingTable table = ThingTable.uncached("things");

  public ThingStore(ReadPool readers) {
    this.readers = readers;
  }

  /** A page of things, and the cursor of its last item when more may follow. */
  public record Page(List<Thing> things, String nextCursor) {}

  public Optional<Thing> find(String id) {
    return readers.query(c -> Optional.ofNullable(table.find(c, id)));
  }

  /** Several things by id in one query (a batch of a data loader); missing ids are left out. */
  public Map<String, Thing> findAll(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    var sql =
        new StringBuilder("SELECT ")
            .append(ThingTable.COLUMNS)
            .append(" FROM things WHERE id IN (");
    for (int i = 0; i < ids.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    sql.append(')');
    return readers.query(
        c -> {
          try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (String id : ids) {
              st.setString(p++, id);
            }
            var found = new HashMap<String, Thing>();
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                Thing thing = ThingTable.read(rs);
                found.put(thing.id(), thing);
              }
            }
            return found;
          }
        });
  }

  /** How many things are live and how many are tombstones. */
  public record Counts(long live, long deleted) {}

  public Counts counts() {
    return readers.query(
        c -> {
          try (var st = c.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT coalesce(sum(deleted = 0), 0), coalesce(sum(deleted), 0) FROM things")) {
            return new Counts(rs.getLong(1), rs.getLong(2));
          }
        });
  }

  public Page list(ThingQuery query) {
    CursorPage page = page(query);
    List<Thing> things = page.items().stream().map(Cursored::thing).toList();
    String next = page.hasMore() && !things.isEmpty() ? page.items().getLast().cursor() : null;
    return new Page(things, next);
  }

  /** A thing and the cursor that continues a list after it. */
  public record Cursored(Thing thing, String cursor) {}

  /** A page in which every item has its cursor (a Relay connection needs one per edge). */
  public record CursorPage(List<Cursored> items, boolean hasMore) {}

  public CursorPage page(ThingQuery query) {
    var sql = new StringBuilder("SELECT ").append(ThingTable.COLUMNS);
    String sortExpression = sortExpression(query.sort());
    sql.append(", ").append(sortExpression).append(" FROM things WHERE 1 = 1");
    var args = new ArrayList<Object>();
    if (!query.includeDeleted()) {
      sql.append(" AND deleted = 0");
    }
    for (Filter filter : query.filters()) {
      appendFilter(sql, args, filter);
    }
    if (query.after() != null) {
      appendKeyset(sql, args, query, sortExpression);
    }
    String direction = query.descending() ? " DESC" : " ASC";
    sql.append(" ORDER BY ").append(sortExpression).append(direction);
    if (query.sort() != ThingQuery.SortKey.ID) {
      sql.append(", id").append(direction);
    }
    sql.append(" LIMIT ?");
    args.add(query.limit() + 1);
    return readers.query(
        c -> {
          try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
              bind(st, i + 1, args.get(i));
            }
            var items = new ArrayList<Cursored>();
            boolean more = false;
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                if (items.size() == query.limit()) {
                  more = true;
                  break;
                }
                Thing thing = ThingTable.read(rs);
                Object sortValue = sortValue(rs.getObject(9));
                items.add(
                    new Cursored(
                        thing, ThingQuery.cursorOf(query.sort(), thing, sortValue).encode()));
              }
              return new CursorPage(items, more);
            }
          }
        });
  }

  private static Object sortValue(Object raw) {
    if (raw instanceof Double d && d.isInfinite()) {
      return null;
    }
    if (raw instanceof Integer i) {
      return i.longValue();
    }
    return raw;
  }

  /**
   * The ORDER BY expression. A state path is inlined: it matched {@code [A-Za-z0-9_-]} segments, so
   * it holds no quote. A missing field sorts first, as the lowest real.
   */
  private static String sortExpression(ThingQuery.SortKey sort) {
    if (sort.statePath() != null) {
      return "ifnull(json_extract(state, '" + jsonPath(sort.statePath()) + "'), -9e999)";
    }
    return sort.column();
  }

  private static void appendKeyset(
      StringBuilder sql, List<Object> args, ThingQuery query, String sortExpression) {
    Cursor cursor = query.after();
    String cmp = query.descending() ? "<" : ">";
    if (query.sort() == ThingQuery.SortKey.ID) {
      sql.append(" AND id ").append(cmp).append(" ?");
      args.add(cursor.id());
      return;
    }
    Object value = cursor.value() == null ? MISSING : cursor.value();
    sql.append(" AND (")
        .append(sortExpression)
        .append(' ')
        .append(cmp)
        .append(" ? OR (")
        .append(sortExpression)
        .append(" = ? AND id ")
        .append(cmp)
        .append(" ?))");
    args.addAll(List.of(value, value, cursor.id()));
  }

  private static void appendFilter(StringBuilder sql, List<Object> args, Filter filter) {
    String path = jsonPath(filter.path());
    String field = "json_extract(state, ?)";
    switch (filter.op()) {
      case EXISTS -> {
        sql.append(" AND json_type(state, ?) IS ")
            .append(Boolean.TRUE.equals(filter.values().getFirst()) ? "NOT NULL" : "NULL");
        args.add(path);
      }
      case CONTAINS -> {
        sql.append(" AND instr(").append(field).append(", ?) > 0");
        args.add(path);
        args.add(filter.values().getFirst());
      }
      case IN -> {
        sql.append(" AND ").append(field).append(" IN (");
        args.add(path);
        for (int i = 0; i < filter.values().size(); i++) {
          sql.append(i == 0 ? "?" : ", ?");
          args.add(jsonValue(filter.values().get(i)));
        }
        sql.append(')');
      }
      default -> {
        Object value = jsonValue(filter.values().getFirst());
        String operator =
            switch (filter.op()) {
              case EQ -> value == null ? "IS" : "=";
              case NE -> "IS NOT";
              case GT -> ">";
              case GTE -> ">=";
              case LT -> "<";
              default -> "<=";
            };
        sql.append(" AND ").append(field).append(' ').append(operator).append(" ?");
        args.add(path);
        args.add(value);
      }
    }
  }

  /** json_extract returns JSON booleans as 1 and 0. */
  private static Object jsonValue(Object value) {
    return value instanceof Boolean b ? (b ? 1L : 0L) : value;
  }

  /** A SQLite JSON path with every key quoted, so keys with '-' work and nothing is injected. */
  static String jsonPath(String dotted) {
    var path = new StringBuilder("$");
    for (String key : dotted.split("\\.")) {
      path.append(".\"").append(key).append('"');
    }
    return path.toString();
  }

  private static void bind(PreparedStatement st, int index, Object value) throws SQLException {
    switch (value) {
      case null -> st.setNull(index, java.sql.Types.NULL);
      case Long l -> st.setLong(index, l);
      case Double d -> st.setDouble(index, d);
      case String s -> st.setString(index, s);
      default -> st.setObject(index, value);
    }
  }
}
