package io.tes.dataplane.cloudevents;

import io.tes.dataplane.http.Json;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** The CloudEvents JSON event format: one event as a JSON object, in both directions. */
public final class JsonFormat {
  private JsonFormat() {}

  /** Reads an event from its JSON object form, checking every rule of the format. */
  public static CloudEvent read(JsonNode node) {
    if (!node.isObject()) {
      throw new InvalidEventException(null, "an event must be a JSON object");
    }
    Attributes.checkSpecVersion(string(node, "specversion"));
    String datacontenttype = string(node, "datacontenttype");
    SortedMap<String, Object> extensions = new TreeMap<>();
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      String name = member.getKey();
      if (Attributes.CONTEXT.contains(name) || name.equals("data") || name.equals("data_base64")) {
        continue;
      }
      Attributes.checkExtensionName(name);
      extensions.put(name, extensionValue(name, member.getValue()));
    }
    var event =
        new CloudEvent(
            string(node, "id"),
            Attributes.requireNonEmpty("source", string(node, "source")),
            Attributes.requireNonEmpty("type", string(node, "type")),
            string(node, "subject"),
            string(node, "time"),
            datacontenttype,
            string(node, "dataschema"),
            extensions,
            data(node, datacontenttype));
    Attributes.checkCommon(event);
    return event;
  }

  private static String string(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new InvalidEventException(name, "attribute '" + name + "' must be a string");
    }
    return value.stringValue();
  }

  private static Object extensionValue(String name, JsonNode value) {
    if (value.isString()) {
      return Extensions.fromString(name, value.stringValue());
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Extensions.fromInteger(name, value.longValue());
    }
    throw new InvalidEventException(
        name,
        "extension attribute '"
            + name
            + "' must be a string, a boolean or an integer, was "
            + value);
  }

  private static EventData data(JsonNode node, String datacontenttype) {
    JsonNode data = node.get("data");
    JsonNode base64 = node.get("data_base64");
    if (data != null && base64 != null) {
      throw new InvalidEventException(
          "data", "an event must not have both 'data' and 'data_base64'");
    }
    if (base64 != null) {
      if (!base64.isString()) {
        throw new InvalidEventException("data_base64", "'data_base64' must be a string");
      }
      try {
        return EventData.binary(Base64.getDecoder().decode(base64.stringValue()));
      } catch (IllegalArgumentException e) {
        throw new InvalidEventException("data_base64", "'data_base64' is not valid base64");
      }
    }
    if (data == null) {
      return null;
    }
    if (Attributes.isJson(datacontenttype)) {
      return EventData.json(data, Json.mapper().writeValueAsBytes(data));
    }
    if (!data.isString()) {
      throw new InvalidEventException(
          "data",
          "'data' must be a JSON string when datacontenttype is '"
              + datacontenttype
              + "' (not JSON); use data_base64 for binary data");
    }
    return EventData.text(data.stringValue());
  }

  /** Writes an event as its JSON object form (for responses that embed it in more JSON). */
  public static ObjectNode write(CloudEvent event) {
    ObjectNode node = Json.mapper().createObjectNode();
    forEachAttribute(
        event,
        (name, value) -> {
          switch (value) {
            case Boolean b -> node.put(name, b);
            case Long l -> node.put(name, l);
            default -> node.put(name, value.toString());
          }
        });
    EventData data = event.data();
    if (data != null) {
      switch (data.encoding()) {
        case JSON -> node.putRawValue("data", new RawValue(data.asText()));
        case TEXT -> node.put("data", data.asText());
        case BINARY -> node.put("data_base64", Base64.getEncoder().encodeToString(data.bytes()));
      }
    }
    return node;
  }

  /**
   * Writes an event as JSON bytes, streaming, without building a tree: the outbox relay does this
   * for every event it publishes.
   */
  public static byte[] toBytes(CloudEvent event) {
    var out =
        new ByteArrayOutputStream(256 + (event.data() == null ? 0 : event.data().bytes().length));
    try (JsonGenerator gen = Json.mapper().createGenerator(out)) {
      gen.writeStartObject();
      forEachAttribute(
          event,
          (name, value) -> {
            gen.writeName(name);
            switch (value) {
              case Boolean b -> gen.writeBoolean(b);
              case Long l -> gen.writeNumber(l);
              default -> gen.writeString(value.toString());
            }
          });
      EventData data = event.data();
      if (data != null) {
        switch (data.encoding()) {
          case JSON -> {
            gen.writeName("data");
            gen.writeRawValue(data.asText());
          }
          case TEXT -> gen.writeStringProperty("data", data.asText());
          case BINARY ->
              gen.writeStringProperty(
                  "data_base64", Base64.getEncoder().encodeToString(data.bytes()));
        }
      }
      gen.writeEndObject();
    }
    return out.toByteArray();
  }

  /** The context and extension attributes in the order both writers emit them. */
  private static void forEachAttribute(CloudEvent event, BiConsumer<String, Object> sink) {
    sink.accept("specversion", CloudEvent.SPEC_VERSION);
    sink.accept("id", event.id());
    sink.accept("source", event.source());
    sink.accept("type", event.type());
    acceptIfPresent(sink, "subject", event.subject());
    acceptIfPresent(sink, "time", event.time());
    acceptIfPresent(sink, "datacontenttype", event.datacontenttype());
    acceptIfPresent(sink, "dataschema", event.dataschema());
    event.extensions().forEach(sink);
  }

  private static void acceptIfPresent(BiConsumer<String, Object> sink, String name, String value) {
    if (value != null) {
      sink.accept(name, value);
    }
  }
}
