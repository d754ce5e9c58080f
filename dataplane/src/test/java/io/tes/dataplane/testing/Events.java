package io.tes.dataplane.testing;

import io.tes.dataplane.http.Json;
import tools.jackson.databind.node.ObjectNode;

/** Structured CloudEvents for tests. */
public final class Events {
  private Events() {}

  public static ObjectNode event(String id, String type, String subject) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("specversion", "1.0");
    if (id != null) {
      node.put("id", id);
    }
    node.put("source", "/test");
    node.put("type", type);
    if (subject != null) {
      node.put("subject", subject);
    }
    return node;
  }

  public static String json(Object node) {
    return Json.mapper().writeValueAsString(node);
  }
}
