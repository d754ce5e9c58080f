package io.tes.dataplane.testing;

import io.tes.dataplane.http.Json;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The expected projection, computed by the test on its own, without the data plane's code: each
 * subject's state after merge (RFC 7386), replace and delete events, and its version.
 */
public final class Fold {
  /** What a thing should be. */
  public record Expected(JsonNode state, long version, boolean deleted) {}

  private final Map<String, Expected> things = new HashMap<>();

  public synchronized void merge(String subject, JsonNode patch) {
    Expected before = things.get(subject);
    JsonNode base = before == null || before.deleted() ? null : before.state();
    things.put(subject, new Expected(mergePatch(base, patch), version(before) + 1, false));
  }

  public synchronized void replace(String subject, JsonNode data) {
    things.put(subject, new Expected(data, version(things.get(subject)) + 1, false));
  }

  public synchronized void delete(String subject) {
    things.put(subject, new Expected(null, version(things.get(subject)) + 1, true));
  }

  /**
   * The fold of everything in a data plane's log, read over HTTP. After a crash the log may hold
   * events whose acknowledgement never reached the client; the projection must include them.
   */
  public static Fold ofLog(Http http, String key) {
    var fold = new Fold();
    long after = 0;
    while (true) {
      JsonNode page = http.get("/v1/events?after=" + after + "&limit=1000", key).json();
      if (page.path("events").isEmpty()) {
        return fold;
      }
      for (JsonNode stored : page.path("events")) {
        JsonNode event = stored.path("event");
        String subject = event.path("subject").asString();
        switch (event.path("type").asString()) {
          case "thing.deleted" -> fold.delete(subject);
          case "thing.replaced" -> fold.replace(subject, event.path("data"));
          default -> fold.merge(subject, event.path("data"));
        }
      }
      after = page.path("nextAfter").asLong();
    }
  }

  public synchronized Map<String, Expected> things() {
    return Map.copyOf(things);
  }

  private static long version(Expected e) {
    return e == null ? 0 : e.version();
  }

  /** Written from the RFC's pseudo-code, independently of the data plane's MergePatch. */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target instanceof ObjectNode o ? o.deepCopy() : Json.mapper().createObjectNode();
    for (String name : patch.propertyNames()) {
      JsonNode value = patch.get(name);
      if (value.isNull()) {
        result.remove(name);
      } else {
        result.set(name, mergePatch(result.get(name), value));
      }
    }
    return result;
  }
}
