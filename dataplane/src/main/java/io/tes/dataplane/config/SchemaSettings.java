package io.tes.dataplane.config;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The event schema registry of the tenant.
 *
 * @param unknownTypes what happens to an event type without a schema
 * @param types JSON Schema of the data, by exact event type
 */
public record SchemaSettings(UnknownTypePolicy unknownTypes, Map<String, JsonNode> types) {
  public static final SchemaSettings DEFAULT = new SchemaSettings(null, null);

  public SchemaSettings {
    unknownTypes = unknownTypes == null ? UnknownTypePolicy.ACCEPT : unknownTypes;
    types = types == null ? Map.of() : Map.copyOf(types);
  }
}
