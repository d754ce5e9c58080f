package io.tes.operator.tenantconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tes.operator.testing.TenantConfigSchema;
import io.tes.operator.testing.Tenants;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantConfigRendererTest {
  private static final String HASH = "sha256:" + "ab".repeat(32);
  private final TenantConfigRenderer renderer = new TenantConfigRenderer();
  private final TenantConfigSchema schema = new TenantConfigSchema();

  @Test
  void minimalTenantRendersAValidConfig() {
    var yaml = renderer.render(Tenants.minimal("acme", "eu-west"), HASH, Map.of());
    assertThat(schema.errors(yaml)).isEmpty();
    assertThat(yaml)
        .contains("tenant: acme")
        .contains("region: eu-west")
        .contains("hash: " + HASH)
        .doesNotContain("webhooks");
  }

  @Test
  void fullTenantRendersAValidConfigWithEverySection() throws Exception {
    var tenant = Tenants.full("acme", "eu-west", "fast");
    var yaml = renderer.render(tenant, HASH, tenant.getSpec().schemas().types());
    assertThat(schema.errors(yaml)).isEmpty();
    JsonNode tree =
        new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
    assertThat(tree.at("/durability").asText()).isEqualTo("os");
    assertThat(tree.at("/apiKeys/0/scopes").toString())
        .isEqualTo("[\"ingest\",\"read\",\"admin\"]");
    assertThat(tree.at("/schemas/unknownTypes").asText()).isEqualTo("reject");
    assertThat(tree.at("/schemas/types/com.example.order.created/required/0").asText())
        .isEqualTo("sku");
    assertThat(tree.at("/limits/rateLimit/perSecond").asInt()).isEqualTo(50);
    assertThat(tree.at("/webhooks/0/secretFile").asText())
        .isEqualTo("/var/run/tes/webhooks/billing/secret");
    assertThat(tree.at("/enrichment/apiKeyFile").asText())
        .isEqualTo("/var/run/tes/enrichment/apiKey");
  }

  @Test
  void schemaCatchesABrokenConfig() {
    // Guards the guard: the schema check must be able to fail.
    var yaml = renderer.render(Tenants.minimal("acme", "eu-west"), "md5:nothex", Map.of());
    assertThat(schema.errors(yaml)).anyMatch(e -> e.contains("/apiKeys/0/hash"));
  }

  @Test
  void renderingIsDeterministic() {
    var tenant = Tenants.full("acme", "eu-west", null);
    var first = renderer.render(tenant, HASH, tenant.getSpec().schemas().types());
    for (int i = 0; i < 20; i++) {
      assertThat(renderer.render(tenant, HASH, tenant.getSpec().schemas().types()))
          .isEqualTo(first);
    }
  }
}
