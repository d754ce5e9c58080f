package io.tes.operator.tenantconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tes.operator.dependent.Mounts;
import io.tes.operator.tenant.EnrichmentSpec;
import io.tes.operator.tenant.LimitsSpec;
import io.tes.operator.tenant.SchemasSpec;
import io.tes.operator.tenant.Tenant;
import io.tes.operator.tenant.TenantSpec;
import io.tes.operator.tenant.WebhookSpec;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a Tenant into the tenant config file the data plane reads (schemas/tenant-config
 * .schema.json). The output is deterministic (fixed key order, sorted maps), so an unchanged Tenant
 * renders the same bytes and the ConfigMap is never rewritten for nothing.
 */
public final class TenantConfigRenderer {
  /** Client id of the key the operator makes; it may do everything. */
  public static final String BOOTSTRAP_CLIENT = "bootstrap";

  private final YAMLMapper yaml =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  public String render(Tenant tenant, String apiKeyHash, Map<String, JsonNode> schemaTypes) {
    try {
      return yaml.writeValueAsString(tree(tenant, apiKeyHash, schemaTypes));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Object> tree(Tenant tenant, String apiKeyHash, Map<String, JsonNode> schemaTypes) {
    TenantSpec spec = tenant.getSpec();
    var config = new LinkedHashMap<String, Object>();
    config.put("tenant", tenant.getMetadata().getName());
    config.put("region", spec.region());
    if (spec.durability() != null) {
      config.put("durability", spec.durability().value());
    }
    config.put(
        "apiKeys",
        List.of(
            ordered(
                "clientId", BOOTSTRAP_CLIENT,
                "hash", apiKeyHash,
                "scopes", List.of("ingest", "read", "admin"))));
    putIfPresent(config, "schemas", schemas(spec.schemas(), schemaTypes));
    putIfPresent(config, "limits", limits(spec.limits()));
    if (spec.webhooks() != null && !spec.webhooks().isEmpty()) {
      config.put("webhooks", spec.webhooks().stream().map(TenantConfigRenderer::webhook).toList());
    }
    putIfPresent(config, "enrichment", enrichment(spec.enrichment()));
    return config;
  }

  private static Map<String, Object> schemas(SchemasSpec spec, Map<String, JsonNode> types) {
    var out = new LinkedHashMap<String, Object>();
    if (spec != null && spec.unknownTypes() != null) {
      out.put("unknownTypes", spec.unknownTypes().value());
    }
    if (!types.isEmpty()) {
      out.put("types", new TreeMap<>(types));
    }
    return out;
  }

  private static Map<String, Object> limits(LimitsSpec spec) {
    var out = new LinkedHashMap<String, Object>();
    if (spec == null) {
      return out;
    }
    putIfPresent(out, "maxEventBytes", spec.maxEventBytes());
    putIfPresent(out, "maxBatchBytes", spec.maxBatchBytes());
    putIfPresent(out, "maxBatchEvents", spec.maxBatchEvents());
    if (spec.ratePerSecond() != null) {
      var rate = new LinkedHashMap<String, Object>();
      rate.put("perSecond", spec.ratePerSecond());
      putIfPresent(rate, "burst", spec.burst());
      out.put("rateLimit", rate);
    }
    return out;
  }

  private static Map<String, Object> webhook(WebhookSpec spec) {
    var out = new LinkedHashMap<String, Object>();
    out.put("name", spec.name());
    out.put("url", spec.url());
    if (spec.eventTypes() != null && !spec.eventTypes().isEmpty()) {
      out.put("eventTypes", spec.eventTypes());
    }
    if (spec.secretRef() != null) {
      out.put(
          "secretFile",
          Mounts.webhookSecretDir(spec.name()) + "/" + spec.secretRef().keyOrDefault());
    }
    return out;
  }

  private static Map<String, Object> enrichment(EnrichmentSpec spec) {
    var out = new LinkedHashMap<String, Object>();
    if (spec == null) {
      return out;
    }
    putIfPresent(out, "embeddings", spec.embeddings());
    if (spec.embeddingFields() != null && !spec.embeddingFields().isEmpty()) {
      out.put("embeddingFields", spec.embeddingFields());
    }
    putIfPresent(out, "modelEndpoint", spec.modelEndpoint());
    putIfPresent(out, "modelName", spec.modelName());
    if (spec.apiKeySecretRef() != null) {
      out.put(
          "apiKeyFile", Mounts.enrichmentSecretDir() + "/" + spec.apiKeySecretRef().keyOrDefault());
    }
    return out;
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value == null || (value instanceof Map<?, ?> m && m.isEmpty())) {
      return;
    }
    map.put(key, value);
  }

  private static Map<String, Object> ordered(Object... keyValues) {
    var out = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }
}
