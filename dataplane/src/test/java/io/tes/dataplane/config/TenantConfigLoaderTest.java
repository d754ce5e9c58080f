package io.tes.dataplane.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TenantConfigLoaderTest {
  private static final String HASH = "sha256:" + "ab".repeat(32);
  private final TenantConfigLoader loader = new TenantConfigLoader();

  @Test
  void aMinimalConfigTakesTheDefaults() {
    TenantConfig config =
        loader.parse(
            "tenant: demo\napiKeys:\n  - {clientId: cli, hash: \""
                + HASH
                + "\", scopes: [ingest]}\n");

    assertThat(config.tenant()).isEqualTo("demo");
    assertThat(config.durability()).isEqualTo(Durability.FSYNC);
    assertThat(config.limits().maxEventBytes()).isEqualTo(256 * 1024);
    assertThat(config.limits().maxBatchEvents()).isEqualTo(1000);
    assertThat(config.schemas().unknownTypes()).isEqualTo(UnknownTypePolicy.ACCEPT);
    assertThat(config.apiKeys().getFirst().scopes()).containsExactly("ingest");
  }

  @Test
  void everySectionIsRead() {
    TenantConfig config =
        loader.parse(
            """
            tenant: shop-1
            region: eu-west
            durability: os
            apiKeys:
              - clientId: cli
                hash: "%s"
                scopes: [ingest, read, admin]
                rateLimit: {perSecond: 10}
            schemas:
              unknownTypes: reject
              types:
                order.created: {type: object, required: [total]}
            limits: {maxEventBytes: 1024, maxBatchBytes: 4096, maxBatchEvents: 10}
            projection:
              reducers:
                - {type: "order.*.deleted", mode: delete}
            stream: {maxAge: 1d, maxBytes: 1000000, duplicateWindow: 5m, replicas: 1}
            graphql: {introspection: false, maxDepth: 5}
            """
                .formatted(HASH));

    assertThat(config.durability()).isEqualTo(Durability.OS);
    assertThat(config.apiKeys().getFirst().rateLimit().burst()).isEqualTo(20);
    assertThat(config.schemas().types()).containsKey("order.created");
    assertThat(config.projection().reducers().getFirst().mode()).isEqualTo(ReducerRule.Mode.DELETE);
    assertThat(config.stream().maxAge()).isEqualTo("1d");
    assertThat(config.graphql().introspection()).isFalse();
    assertThat(config.graphql().maxPageSize()).isEqualTo(500);
  }

  @Test
  void violationsOfTheSchemaAreListedPrecisely() {
    assertThatThrownBy(
            () ->
                loader.parse(
                    """
                    tenant: Not_A_Label
                    durability: sometimes
                    apiKeys:
                      - {clientId: cli, hash: "md5:abc", scopes: [write]}
                    surprise: true
                    """))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> {
              var problems = ((ConfigException) e).problems();
              assertThat(problems).anyMatch(p -> p.startsWith("/tenant"));
              assertThat(problems).anyMatch(p -> p.startsWith("/durability"));
              assertThat(problems).anyMatch(p -> p.startsWith("/apiKeys/0/hash"));
              assertThat(problems).anyMatch(p -> p.startsWith("/apiKeys/0/scopes/0"));
              assertThat(problems).anyMatch(p -> p.contains("surprise"));
            });
  }

  @Test
  void brokenYamlAndMissingFilesAreClearErrors() {
    assertThatThrownBy(() -> loader.parse("tenant: [unclosed"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> loader.load(Path.of("/nonexistent/tenant.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("does not exist");
  }
}
