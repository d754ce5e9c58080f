package io.tes.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** What a tenant asks for. Every part but the region is optional and has a safe default. */
// A transition rule: API servers with CEL (1.25+) refuse a region change outright; older ones
// ignore it, and the operator refuses the change with a Degraded condition instead.
@ValidationRule(
    value = "!has(oldSelf.region) || self.region == oldSelf.region",
    message = "region is immutable")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantSpec(
    @Required
        @Pattern("^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$")
        @JsonPropertyDescription(
            "Region to place the data plane in (a topology.kubernetes.io/region value). Immutable.")
        String region,
    @JsonPropertyDescription("The tenant's volume.") StorageSpec storage,
    @JsonPropertyDescription("CPU and memory of the data plane pod.") ResourcesSpec resources,
    @JsonPropertyDescription("Expose the tenant through an Ingress.") IngressSpec ingress,
    @JsonPropertyDescription("Event schemas by CloudEvents type and the unknown-type policy.")
        SchemasSpec schemas,
    @JsonPropertyDescription("Size and rate limits.") LimitsSpec limits,
    @JsonPropertyDescription("Webhook endpoints that receive the tenant's events.") @Size(max = 64)
        List<WebhookSpec> webhooks,
    @JsonPropertyDescription("Enrichment: embeddings and a model endpoint.")
        EnrichmentSpec enrichment,
    @JsonPropertyDescription(
            "fsync: an acknowledged event is on disk. os: the OS page cache holds it (faster).")
        Durability durability,
    @JsonPropertyDescription("Stops reconciling this tenant; what runs keeps running.")
        Boolean paused) {

  public TenantSpec(String region) {
    this(region, null, null, null, null, null, null, null, null, null);
  }

  public boolean isPaused() {
    return Boolean.TRUE.equals(paused);
  }

  public TenantSpec withPaused(boolean value) {
    return new TenantSpec(
        region,
        storage,
        resources,
        ingress,
        schemas,
        limits,
        webhooks,
        enrichment,
        durability,
        value);
  }

  public TenantSpec withStorage(StorageSpec value) {
    return new TenantSpec(
        region,
        value,
        resources,
        ingress,
        schemas,
        limits,
        webhooks,
        enrichment,
        durability,
        paused);
  }

  public TenantSpec withResources(ResourcesSpec value) {
    return new TenantSpec(
        region, storage, value, ingress, schemas, limits, webhooks, enrichment, durability, paused);
  }

  public TenantSpec withIngress(IngressSpec value) {
    return new TenantSpec(
        region,
        storage,
        resources,
        value,
        schemas,
        limits,
        webhooks,
        enrichment,
        durability,
        paused);
  }

  public TenantSpec withSchemas(SchemasSpec value) {
    return new TenantSpec(
        region,
        storage,
        resources,
        ingress,
        value,
        limits,
        webhooks,
        enrichment,
        durability,
        paused);
  }

  public TenantSpec withLimits(LimitsSpec value) {
    return new TenantSpec(
        region,
        storage,
        resources,
        ingress,
        schemas,
        value,
        webhooks,
        enrichment,
        durability,
        paused);
  }

  public TenantSpec withRegion(String value) {
    return new TenantSpec(
        value,
        storage,
        resources,
        ingress,
        schemas,
        limits,
        webhooks,
        enrichment,
        durability,
        paused);
  }
}
