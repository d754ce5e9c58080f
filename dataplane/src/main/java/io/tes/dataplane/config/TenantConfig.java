package io.tes.dataplane.config;

import java.util.List;

/**
 * The tenant config file, as specified by {@code schemas/tenant-config.schema.json}. The operator
 * renders the same file into the tenant's ConfigMap; absent sections take their defaults here.
 *
 * @param tenant tenant id (a DNS label)
 * @param region where the tenant was placed (informational)
 * @param durability when an acknowledgement is given
 * @param apiKeys the tenant's keys, as hashes
 * @param schemas event schemas and the unknown-type policy
 * @param limits size and rate limits
 * @param projection reducer rules of the projector
 * @param stream JetStream stream limits
 * @param webhooks webhook endpoints
 * @param enrichment enrichment settings
 * @param graphql GraphQL protections
 */
public record TenantConfig(
    String tenant,
    String region,
    Durability durability,
    List<ApiKeyEntry> apiKeys,
    SchemaSettings schemas,
    Limits limits,
    ProjectionSettings projection,
    StreamSettings stream,
    List<WebhookSettings> webhooks,
    EnrichmentSettings enrichment,
    GraphqlSettings graphql) {

  public TenantConfig {
    durability = durability == null ? Durability.FSYNC : durability;
    apiKeys = List.copyOf(apiKeys);
    schemas = schemas == null ? SchemaSettings.DEFAULT : schemas;
    limits = limits == null ? Limits.DEFAULT : limits;
    projection = projection == null ? ProjectionSettings.DEFAULT : projection;
    stream = stream == null ? StreamSettings.DEFAULT : stream;
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    enrichment = enrichment == null ? EnrichmentSettings.DEFAULT : enrichment;
    graphql = graphql == null ? GraphqlSettings.DEFAULT : graphql;
  }
}
