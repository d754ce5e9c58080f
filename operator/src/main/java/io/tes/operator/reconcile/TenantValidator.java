package io.tes.operator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tes.operator.region.RegionCatalog;
import io.tes.operator.status.Problem;
import io.tes.operator.status.Reasons;
import io.tes.operator.tenant.Tenant;
import io.tes.operator.tenantconfig.SchemaResolver;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks what the API server cannot: that the name fits a namespace, that the region is offered and
 * unchanged, that the storage class exists, and that the schemas can be put together.
 */
public final class TenantValidator {
  /** tes-<name> must be a DNS label, and the name is the tenant id in API keys. */
  private static final Pattern NAME = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,57}[a-z0-9])?$");

  private final KubernetesClient client;
  private final RegionCatalog regions;
  private final SchemaResolver schemas;

  public TenantValidator(KubernetesClient client, RegionCatalog regions) {
    this.client = client;
    this.regions = regions;
    this.schemas = new SchemaResolver(client);
  }

  /** Either a problem, or the schemas the config needs. */
  public sealed interface Result {
    record Valid(Map<String, JsonNode> schemaTypes) implements Result {}

    record Invalid(Problem problem) implements Result {}
  }

  public Result validate(Tenant tenant) {
    var name = tenant.getMetadata().getName();
    if (!NAME.matcher(name).matches()) {
      return invalid(
          Reasons.INVALID_NAME,
          "Tenant name '"
              + name
              + "' must be a DNS label of at most 59 characters (lower case letters, digits, '-')");
    }
    var spec = tenant.getSpec();
    var placed = tenant.getStatus() == null ? null : tenant.getStatus().region();
    if (placed != null && !placed.equals(spec.region())) {
      return invalid(
          Reasons.REGION_CHANGE_REFUSED,
          "spec.region is immutable: the tenant runs in '"
              + placed
              + "', the spec now asks for '"
              + spec.region()
              + "'. Set it back, or create a new Tenant for the other region");
    }
    var offered = regions.offered();
    if (!offered.contains(spec.region())) {
      return invalid(
          Reasons.REGION_UNAVAILABLE,
          "Region '"
              + spec.region()
              + "' is not offered by this cluster; offered regions: "
              + (offered.isEmpty() ? "none" : String.join(", ", offered)));
    }
    var storageClass = spec.storage() == null ? null : spec.storage().storageClassName();
    if (storageClass != null
        && client.storage().v1().storageClasses().withName(storageClass).get() == null) {
      return invalid(
          Reasons.STORAGE_UNAVAILABLE,
          "StorageClass '" + storageClass + "' named in spec.storage does not exist");
    }
    try {
      return new Result.Valid(schemas.resolve(spec.schemas()));
    } catch (SchemaResolver.InvalidSchemasException e) {
      return invalid(Reasons.INVALID_SCHEMAS, e.getMessage());
    }
  }

  private static Result invalid(String reason, String message) {
    return new Result.Invalid(new Problem(reason, message));
  }
}
