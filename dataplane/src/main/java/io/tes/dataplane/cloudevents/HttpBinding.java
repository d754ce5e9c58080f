package io.tes.dataplane.cloudevents;

import io.tes.dataplane.http.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The CloudEvents HTTP protocol binding: structured, binary and batch content modes. Each method
 * turns a request body (and, in binary mode, headers) into events, enforcing the size limits.
 */
public final class HttpBinding {
  public static final String STRUCTURED = "application/cloudevents+json";
  public static final String BATCH = "application/cloudevents-batch+json";
  private static final String HEADER_PREFIX = "ce-";

  private HttpBinding() {}

  /** The content modes of the binding. */
  public enum Mode {
    STRUCTURED,
    BINARY,
    BATCH
  }

  /** Limits that apply while parsing. */
  public record Limits(int maxEventBytes, int maxBatchEvents) {}

  public static List<CloudEvent> structured(byte[] body, Limits limits) {
    checkEventSize(0, body.length, limits, false);
    JsonNode node = parseJson(body, "the request body is not valid JSON");
    return List.of(JsonFormat.read(node));
  }

  /**
   * Parses a batch, measuring every element's bytes on the way so the per-event limit holds for
   * batches too.
   */
  public static List<CloudEvent> batch(byte[] body, Limits limits) {
    var events = new ArrayList<CloudEvent>();
    try (JsonParser parser = Json.mapper().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new InvalidEventException(null, "a batch must be a JSON array of events");
      }
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (index >= limits.maxBatchEvents()) {
          throw new SizeLimitException(
              "the batch holds more than " + limits.maxBatchEvents() + " events");
        }
        long start = parser.currentTokenLocation().getByteOffset();
        JsonNode node = parser.readValueAsTree();
        long end = parser.currentLocation().getByteOffset();
        int size = (int) (end - start);
        checkEventSize(index, size, limits, true);
        try {
          events.add(JsonFormat.read(node));
        } catch (InvalidEventException e) {
          throw new InvalidEventException(e.attribute(), "event " + index + ": " + e.getMessage());
        }
        index++;
      }
      if (parser.nextToken() != null) {
        throw new InvalidEventException(null, "unexpected content after the batch array");
      }
    } catch (JacksonException e) {
      throw new InvalidEventException(
          null, "the batch is not valid JSON: " + e.getOriginalMessage());
    }
    return events;
  }

  /**
   * Reads a binary-mode event: attributes from ce-* headers (percent-decoded), data from the body.
   *
   * @param headers header names (any case) to values
   * @param contentType the Content-Type header, or null
   */
  public static List<CloudEvent> binary(
      Map<String, String> headers, String contentType, byte[] body, Limits limits) {
    SortedMap<String, String> attributes = new TreeMap<>();
    int headerBytes = 0;
    for (var header : headers.entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!name.startsWith(HEADER_PREFIX)) {
        continue;
      }
      String attribute = name.substring(HEADER_PREFIX.length());
      attributes.put(attribute, PercentEncoding.decode(name, header.getValue()));
      headerBytes += name.length() + header.getValue().length();
    }
    if (attributes.containsKey("datacontenttype")) {
      throw new InvalidEventException(
          "datacontenttype",
          "binary mode carries datacontenttype in the Content-Type header, not ce-datacontenttype");
    }
    Attributes.checkSpecVersion(attributes.remove("specversion"));
    String id = attributes.remove("id");
    String source = Attributes.requireNonEmpty("source", attributes.remove("source"));
    String type = Attributes.requireNonEmpty("type", attributes.remove("type"));
    String subject = attributes.remove("subject");
    String time = attributes.remove("time");
    String dataschema = attributes.remove("dataschema");
    SortedMap<String, Object> extensions = new TreeMap<>();
    attributes.forEach(
        (name, value) -> {
          Attributes.checkExtensionName(name);
          extensions.put(name, Extensions.fromString(name, value));
        });
    int size = headerBytes + body.length;
    checkEventSize(0, size, limits, false);
    var event =
        new CloudEvent(
            id,
            source,
            type,
            subject,
            time,
            contentType,
            dataschema,
            extensions,
            binaryData(contentType, body));
    Attributes.checkCommon(event);
    return List.of(event);
  }

  private static EventData binaryData(String contentType, byte[] body) {
    if (body.length == 0) {
      return null;
    }
    if (contentType == null || Attributes.isJson(contentType)) {
      JsonNode tree = parseJson(body, "the body is not valid JSON, as its content type says");
      return EventData.json(tree, Json.mapper().writeValueAsBytes(tree));
    }
    if (Attributes.isText(contentType) && isUtf8(body)) {
      return new EventData(EventData.Encoding.TEXT, body, null);
    }
    return EventData.binary(body);
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static JsonNode parseJson(byte[] body, String message) {
    try {
      return Json.mapper().readTree(body);
    } catch (JacksonException e) {
      throw new InvalidEventException(null, message + ": " + e.getOriginalMessage());
    }
  }

  private static void checkEventSize(int index, int size, Limits limits, boolean inBatch) {
    if (size > limits.maxEventBytes()) {
      throw new SizeLimitException(
          (inBatch ? "event " + index + " is " : "the event is ")
              + size
              + " bytes; the limit is "
              + limits.maxEventBytes());
    }
  }

  /** Whether a request carries a binary-mode event. */
  public static boolean looksBinary(Map<String, String> headers) {
    return headers.keySet().stream()
        .anyMatch(name -> name.toLowerCase(Locale.ROOT).startsWith(HEADER_PREFIX));
  }
}
