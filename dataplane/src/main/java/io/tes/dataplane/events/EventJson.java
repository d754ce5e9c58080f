package io.tes.dataplane.events;

import io.tes.dataplane.cloudevents.JsonFormat;
import io.tes.dataplane.http.Json;
import io.tes.dataplane.log.StoredEvent;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read representation of a stored event: the log's facts beside the untouched CloudEvent, so
 * server fields never mix with the producer's extension attributes.
 */
public final class EventJson {
  private EventJson() {}

  public static ObjectNode of(StoredEvent stored) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("position", stored.position());
    if (stored.streamVersion() != null) {
      node.put("streamVersion", stored.streamVersion());
    }
    node.put("recordedTime", stored.recordedAt().toString());
    node.set("event", JsonFormat.write(stored.event()));
    return node;
  }
}
