package io.tes.dataplane.cloudevents;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A CloudEvents 1.0 event (specversion is always 1.0). Optional attributes are null when absent.
 *
 * @param id identifies the event within its source
 * @param source the producer, a URI-reference
 * @param type the event type
 * @param subject the thing the event is about; the stream key
 * @param time when the occurrence happened (RFC 3339), as the producer said
 * @param datacontenttype media type of the data
 * @param dataschema URI of the data's schema
 * @param extensions extension attributes: String, Boolean or Integer values, sorted by name
 * @param data the data, or null
 */
public record CloudEvent(
    String id,
    String source,
    String type,
    String subject,
    String time,
    String datacontenttype,
    String dataschema,
    SortedMap<String, Object> extensions,
    EventData data) {

  public static final String SPEC_VERSION = "1.0";

  /** The extension attribute that carries optimistic concurrency's expected stream version. */
  public static final String EXPECTED_VERSION = "expectedversion";

  public CloudEvent {
    extensions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(extensions));
  }

  /** A copy with another id; used when the server assigns one. */
  public CloudEvent withId(String newId) {
    return new CloudEvent(
        newId, source, type, subject, time, datacontenttype, dataschema, extensions, data);
  }

  public static SortedMap<String, Object> noExtensions() {
    return new TreeMap<>(Map.of());
  }
}
