package io.tes.dataplane.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.tes.dataplane.cloudevents.CloudEvent;
import io.tes.dataplane.cloudevents.EventData;
import io.tes.dataplane.config.SchemaSettings;
import io.tes.dataplane.config.UnknownTypePolicy;
import io.tes.dataplane.http.Json;
import io.tes.dataplane.http.ProblemType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The registry of JSON Schemas (draft 2020-12) by event type. Schemas are compiled once at
 * start-up, so a broken schema stops the data plane instead of failing each request. Violations are
 * located by JSON Pointer, and {@code format} is asserted, not merely annotated.
 */
public final class EventSchemas {
  private final Map<String, Schema> byType;
  private final UnknownTypePolicy unknownTypes;

  public EventSchemas(SchemaSettings settings) {
    var config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    var registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
    var compiled = new HashMap<String, Schema>();
    settings.types().forEach((type, schema) -> compiled.put(type, registry.getSchema(schema)));
    this.byType = Map.copyOf(compiled);
    this.unknownTypes = settings.unknownTypes();
  }

  /**
   * Checks every event of a request, so the client hears of all violations at once.
   *
   * @throws io.tes.dataplane.http.ProblemException 422 listing each violation
   */
  public void check(List<CloudEvent> events) {
    var violations = new ArrayList<Violation>();
    var unknown = new ArrayList<String>();
    for (int i = 0; i < events.size(); i++) {
      CloudEvent event = events.get(i);
      Schema schema = byType.get(event.type());
      if (schema == null) {
        if (unknownTypes == UnknownTypePolicy.REJECT) {
          unknown.add((events.size() > 1 ? "event " + i + ": " : "") + "'" + event.type() + "'");
        }
        continue;
      }
      collect(i, schema, event, violations);
    }
    if (!unknown.isEmpty()) {
      throw ProblemType.UNKNOWN_EVENT_TYPE
          .problem(
              "This tenant accepts only event types with a registered schema; unknown: "
                  + String.join(", ", unknown)
                  + ".")
          .with("knownTypes", byType.keySet().stream().sorted().toList())
          .toException();
    }
    if (!violations.isEmpty()) {
      throw ProblemType.SCHEMA_VIOLATION
          .problem(
              violations.size()
                  + " schema violation"
                  + (violations.size() == 1 ? "" : "s")
                  + " in the event data.")
          .with("violations", violations)
          .toException();
    }
  }

  private static void collect(int index, Schema schema, CloudEvent event, List<Violation> out) {
    EventData data = event.data();
    JsonNode tree;
    if (data == null) {
      tree = Json.mapper().nullNode();
    } else if (data.encoding() != EventData.Encoding.JSON) {
      out.add(
          new Violation(
              index,
              "",
              "the data is not JSON, but type '" + event.type() + "' has a JSON Schema"));
      return;
    } else {
      tree = data.tree() != null ? data.tree() : Json.mapper().readTree(data.bytes());
    }
    for (var error : schema.validate(tree)) {
      out.add(new Violation(index, error.getInstanceLocation().toString(), error.getMessage()));
    }
  }
}
