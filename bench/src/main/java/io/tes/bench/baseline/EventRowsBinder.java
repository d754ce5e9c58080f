package io.tes.bench.baseline;

import io.tes.bench.dataplane.BenchEvents;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Binds a benchmark event to the columns of the data plane's events table, with the values TES
 * would store (stream version per subject, receive time, content digest), so a baseline writes the
 * same rows and pays for the same bytes.
 */
final class EventRowsBinder {
  static final String COLUMNS =
      "id, source, type, subject, stream_version, time, recorded_at, datacontenttype, dataschema,"
          + " extensions, data_encoding, data, digest";

  private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();

  /** Binds parameters {@code first..first+12} in the order of {@link #COLUMNS}. */
  void bind(PreparedStatement insert, int first, BenchEvents.Event event) throws SQLException {
    long version =
        versions.computeIfAbsent(event.subject(), s -> new AtomicLong()).incrementAndGet();
    int i = first;
    insert.setString(i++, event.id());
    insert.setString(i++, BenchEvents.SOURCE);
    insert.setString(i++, BenchEvents.TYPE);
    insert.setString(i++, event.subject());
    insert.setLong(i++, version);
    insert.setNull(i++, Types.VARCHAR);
    insert.setLong(i++, System.currentTimeMillis() * 1000);
    insert.setString(i++, "application/json");
    insert.setNull(i++, Types.VARCHAR);
    insert.setNull(i++, Types.VARCHAR);
    insert.setInt(i++, 0);
    insert.setBytes(i++, event.data());
    insert.setBytes(i, sha256(event.json()));
  }

  private static byte[] sha256(String json) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
