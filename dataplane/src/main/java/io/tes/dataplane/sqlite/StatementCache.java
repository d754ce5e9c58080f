package io.tes.dataplane.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Prepared statements kept per connection and SQL text. Preparing costs SQLite a parse and a plan
 * each time, which a processor would otherwise pay for every event. Statements of connections that
 * have since been closed are dropped on the next use. Not thread-safe: one owner at a time, as the
 * connections themselves.
 */
public final class StatementCache {
  private final Map<Connection, Map<String, PreparedStatement>> byConnection =
      new IdentityHashMap<>();

  public synchronized PreparedStatement get(Connection connection, String sql) throws SQLException {
    byConnection.keySet().removeIf(StatementCache::closed);
    Map<String, PreparedStatement> statements =
        byConnection.computeIfAbsent(connection, c -> new HashMap<>());
    PreparedStatement statement = statements.get(sql);
    if (statement == null || statement.isClosed()) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  private static boolean closed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }
}
