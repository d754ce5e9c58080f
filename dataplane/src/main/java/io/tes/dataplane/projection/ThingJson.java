package io.tes.dataplane.projection;

import io.tes.dataplane.http.Json;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of a thing in the REST API. */
public final class ThingJson {
  private ThingJson() {}

  public static ObjectNode of(Thing thing) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("id", thing.id());
    node.put("version", thing.version());
    if (thing.deleted()) {
      node.put("deleted", true);
    }
    node.set("state", thing.state() == null ? Json.mapper().nullNode() : thing.state());
    node.put("createdTime", thing.createdAt().toString());
    node.put("updatedTime", thing.updatedAt().toString());
    node.put("lastEventType", thing.lastEventType());
    node.put("position", thing.lastPosition());
    return node;
  }
}
