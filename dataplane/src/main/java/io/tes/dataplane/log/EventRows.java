package io.tes.dataplane.log;

import io.tes.dataplane.cloudevents.CloudEvent;
import io.tes.dataplane.cloudevents.EventData;
import io.tes.dataplane.http.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Maps events to rows of the {@code events} table and back. */
final class EventRows {
  static final String COLUMNS =
      "position, id, source, type, subject, stream_version, time, recorded_at, datacontenttype,"
          + " dataschema, extensions, data_encoding, data";

  static final String INSERT =
      "INSERT INTO events (position, id, source, type, subject, stream_version, time, recorded_at,"
          + " datacontenttype, dataschema, extensions, data_encoding, data, digest)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (source, id) DO NOTHING";

  private EventRows() {}

  static void bindInsert(
      PreparedStatement insert,
      long position,
      Long streamVersion,
      long recordedAtMicros,
      CloudEvent event,
      byte[] digest)
      throws SQLException {
    insert.setLong(1, position);
    insert.setString(2, event.id());
    insert.setString(3, event.source());
    insert.setString(4, event.type());
    insert.setString(5, event.subject());
    if (streamVersion == null) {
      insert.setNull(6, Types.INTEGER);
    } else {
      insert.setLong(6, streamVersion);
    }
    insert.setString(7, event.time());
    insert.setLong(8, recordedAtMicros);
    insert.setString(9, event.datacontenttype());
    insert.setString(10, event.dataschema());
    insert.setString(
        11,
        event.extensions().isEmpty() ? null : Json.mapper().writeValueAsString(event.extensions()));
    EventData data = event.data();
    if (data == null) {
      insert.setNull(12, Types.INTEGER);
      insert.setNull(13, Types.BLOB);
    } else {
      insert.setInt(12, data.encoding().ordinal());
      insert.setBytes(13, data.bytes());
    }
    insert.setBytes(14, digest);
  }

  /** Reads the row at the cursor, whose columns are {@link #COLUMNS} in order. */
  static StoredEvent read(ResultSet rs) throws SQLException {
    long position = rs.getLong(1);
    long version = rs.getLong(6);
    Long streamVersion = rs.wasNull() ? null : version;
    Instant recordedAt = fromMicros(rs.getLong(8));
    String extensions = rs.getString(11);
    int encoding = rs.getInt(12);
    EventData data =
        rs.wasNull()
            ? null
            : new EventData(EventData.Encoding.values()[encoding], rs.getBytes(13), null);
    var event =
        new CloudEvent(
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(7),
            rs.getString(9),
            rs.getString(10),
            extensions == null ? new TreeMap<>() : parseExtensions(extensions),
            data);
    return new StoredEvent(position, streamVersion, recordedAt, event);
  }

  private static SortedMap<String, Object> parseExtensions(String json) {
    var result = new TreeMap<String, Object>();
    for (Map.Entry<String, JsonNode> member : Json.mapper().readTree(json).properties()) {
      JsonNode value = member.getValue();
      Object typed =
          value.isBoolean()
              ? (Object) value.booleanValue()
              : value.isIntegralNumber() ? (Object) value.longValue() : value.stringValue();
      result.put(member.getKey(), typed);
    }
    return result;
  }

  static long toMicros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  static Instant fromMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
