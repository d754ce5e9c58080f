package io.tes.dataplane.graphql.ws;

import io.tes.dataplane.graphql.GraphqlRequest;
import io.tes.dataplane.http.Json;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading and writing the JSON messages of graphql-transport-ws. */
final class Messages {
  private Messages() {}

  /** A message that breaks the protocol; the connection closes with 4400 and this reason. */
  static final class Invalid extends Exception {
    Invalid(String reason) {
      super(reason, null, false, false);
    }
  }

  static ObjectNode parse(String text) throws Invalid {
    JsonNode node;
    try {
      node = Json.mapper().readTree(text);
    } catch (JacksonException e) {
      throw new Invalid("Invalid message received: not JSON");
    }
    if (node == null || !node.isObject() || !node.path("type").isString()) {
      throw new Invalid("Invalid message received: no 'type'");
    }
    return (ObjectNode) node;
  }

  static String id(ObjectNode message) throws Invalid {
    JsonNode id = message.get("id");
    if (id == null || !id.isString() || id.stringValue().isEmpty()) {
      throw new Invalid("Invalid message received: '" + type(message) + "' needs an 'id'");
    }
    return id.stringValue();
  }

  static String type(ObjectNode message) {
    return message.get("type").stringValue();
  }

  @SuppressWarnings("unchecked")
  static GraphqlRequest subscribePayload(ObjectNode message) throws Invalid {
    JsonNode payload = message.get("payload");
    if (payload == null
        || !payload.isObject()
        || !payload.path("query").isString()
        || !nullOr(payload.get("operationName"), JsonNode::isString)
        || !nullOr(payload.get("variables"), JsonNode::isObject)
        || !nullOr(payload.get("extensions"), JsonNode::isObject)) {
      throw new Invalid("Invalid message received: malformed 'subscribe' payload");
    }
    JsonNode operationName = payload.get("operationName");
    return new GraphqlRequest(
        payload.get("query").stringValue(),
        operationName == null || operationName.isNull() ? null : operationName.stringValue(),
        map(payload.get("variables")),
        map(payload.get("extensions")));
  }

  private static boolean nullOr(JsonNode node, java.util.function.Predicate<JsonNode> test) {
    return node == null || node.isNull() || test.test(node);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(JsonNode node) {
    return node == null || node.isNull() ? null : Json.mapper().treeToValue(node, Map.class);
  }

  static String of(String type) {
    return "{\"type\":\"" + type + "\"}";
  }

  static String withId(String type, String id, Object payload) {
    var message = new java.util.LinkedHashMap<String, Object>();
    message.put("id", id);
    message.put("type", type);
    if (payload != null) {
      message.put("payload", payload);
    }
    return Json.mapper().writeValueAsString(message);
  }

  static String complete(String id) {
    return withId("complete", id, null);
  }

  static String error(String id, List<Map<String, Object>> errors) {
    return withId("error", id, errors);
  }
}
