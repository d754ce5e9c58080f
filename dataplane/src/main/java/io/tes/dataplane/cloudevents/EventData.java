package io.tes.dataplane.cloudevents;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * The data of an event. JSON data is kept as compact JSON text (and, while an event is being
 * ingested, as a parsed tree for schema validation); text and binary data as bytes.
 *
 * @param encoding how the bytes are to be read
 * @param bytes the data itself
 * @param tree the parsed JSON, when at hand; null otherwise
 */
public record EventData(Encoding encoding, byte[] bytes, JsonNode tree) {

  /** How data bytes are represented. */
  public enum Encoding {
    /** UTF-8 JSON text; rendered as the {@code data} member of a structured event. */
    JSON,
    /** UTF-8 text of a non-JSON media type; rendered as a JSON string in {@code data}. */
    TEXT,
    /** Opaque bytes; rendered as {@code data_base64}. */
    BINARY
  }

  public static EventData json(JsonNode tree, byte[] compactJson) {
    return new EventData(Encoding.JSON, compactJson, tree);
  }

  public static EventData text(String text) {
    return new EventData(Encoding.TEXT, text.getBytes(StandardCharsets.UTF_8), null);
  }

  public static EventData binary(byte[] bytes) {
    return new EventData(Encoding.BINARY, bytes, null);
  }

  public String asText() {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
