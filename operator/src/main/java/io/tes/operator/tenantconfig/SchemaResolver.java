package io.tes.operator.tenantconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tes.operator.tenant.SchemasSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects a tenant's event schemas: those of the referenced ConfigMap (one key per CloudEvents
 * type, a JSON Schema as value), overlaid by the inline ones.
 */
public final class SchemaResolver {
  private final KubernetesClient client;
  private final ObjectMapper json = new ObjectMapper();

  public SchemaResolver(KubernetesClient client) {
    this.client = client;
  }

  /** The schemas by type; a missing ConfigMap or a value that is not JSON is an error. */
  public Map<String, JsonNode> resolve(SchemasSpec spec) throws InvalidSchemasException {
    var types = new TreeMap<String, JsonNode>();
    if (spec == null) {
      return types;
    }
    var ref = spec.configMapRef();
    if (ref != null) {
      var configMap = client.configMaps().inNamespace(ref.namespace()).withName(ref.name()).get();
      if (configMap == null) {
        throw new InvalidSchemasException(
            "ConfigMap "
                + ref.namespace()
                + "/"
                + ref.name()
                + " named in spec.schemas does not exist");
      }
      var data = configMap.getData() == null ? Map.<String, String>of() : configMap.getData();
      for (var entry : data.entrySet()) {
        types.put(entry.getKey(), parse(ref.namespace() + "/" + ref.name(), entry));
      }
    }
    if (spec.types() != null) {
      types.putAll(spec.types());
    }
    for (var entry : types.entrySet()) {
      if (!entry.getValue().isObject() && !entry.getValue().isBoolean()) {
        throw new InvalidSchemasException(
            "schema of event type '" + entry.getKey() + "' must be a JSON object or boolean");
      }
    }
    return types;
  }

  private JsonNode parse(String where, Map.Entry<String, String> entry)
      throws InvalidSchemasException {
    try {
      return json.readTree(entry.getValue());
    } catch (JsonProcessingException e) {
      throw new InvalidSchemasException(
          "key '"
              + entry.getKey()
              + "' of ConfigMap "
              + where
              + " is not JSON: "
              + e.getOriginalMessage());
    }
  }

  /** The schemas cannot be put together; the message says why. */
  public static final class InvalidSchemasException extends Exception {
    public InvalidSchemasException(String message) {
      super(message);
    }
  }
}
