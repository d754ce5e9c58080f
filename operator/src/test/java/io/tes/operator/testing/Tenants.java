package io.tes.operator.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tes.operator.tenant.ComputeSpec;
import io.tes.operator.tenant.ConfigMapRef;
import io.tes.operator.tenant.DeletionPolicy;
import io.tes.operator.tenant.Durability;
import io.tes.operator.tenant.EnrichmentSpec;
import io.tes.operator.tenant.IngressSpec;
import io.tes.operator.tenant.LimitsSpec;
import io.tes.operator.tenant.ResourcesSpec;
import io.tes.operator.tenant.SchemasSpec;
import io.tes.operator.tenant.SecretKeyRef;
import io.tes.operator.tenant.StorageSpec;
import io.tes.operator.tenant.Tenant;
import io.tes.operator.tenant.TenantSpec;
import io.tes.operator.tenant.UnknownTypePolicy;
import io.tes.operator.tenant.WebhookSpec;
import java.util.List;
import java.util.Map;

/** Tenants for tests. */
public final class Tenants {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Tenants() {}

  public static Tenant minimal(String name, String region) {
    return new Tenant(name, new TenantSpec(region));
  }

  /** A tenant that sets every part of the spec. */
  public static Tenant full(String name, String region, String storageClass) {
    try {
      var orderSchema =
          JSON.readTree(
              "{\"type\":\"object\",\"required\":[\"sku\"],\"properties\":{\"sku\":{\"type\":\"string\"}}}");
      var spec =
          new TenantSpec(
              region,
              new StorageSpec("2Gi", storageClass, DeletionPolicy.Delete),
              new ResourcesSpec(new ComputeSpec("100m", "256Mi"), new ComputeSpec("500m", "768Mi")),
              new IngressSpec("acme.events.example.com", "nginx", "acme-tls"),
              new SchemasSpec(
                  UnknownTypePolicy.REJECT, Map.of("com.example.order.created", orderSchema), null),
              new LimitsSpec(65536, 1048576, 100, 50, 100),
              List.of(
                  new WebhookSpec(
                      "billing",
                      "https://billing.example.com/hooks/tes",
                      List.of("com.example.order.created"),
                      new SecretKeyRef("billing-webhook", "secret"))),
              new EnrichmentSpec(
                  true,
                  List.of("/title", "/description"),
                  "https://models.example.com/v1",
                  "vision-small",
                  new SecretKeyRef("model-key", "apiKey")),
              Durability.OS,
              false);
      return new Tenant(name, spec);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static SchemasSpec schemasFrom(String namespace, String configMap) {
    return new SchemasSpec(null, null, new ConfigMapRef(configMap, namespace));
  }
}
