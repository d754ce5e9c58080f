package io.tes.operator.tenant;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.Optional;

/**
 * A tenant of TES: one isolated data plane (namespace, pod, volume, database) in one region.
 * Cluster-scoped, because it owns a namespace.
 */
@Group(Tenant.GROUP)
@Version(Tenant.VERSION)
@ShortNames("tnt")
@AdditionalPrinterColumn(name = "Region", jsonPath = ".spec.region", type = Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Endpoint", jsonPath = ".status.endpoint", type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public final class Tenant extends CustomResource<TenantSpec, TenantStatus> {
  public static final String GROUP = "tes.io";
  public static final String VERSION = "v1alpha1";

  public Tenant() {}

  public Tenant(String name, TenantSpec spec) {
    getMetadata().setName(name);
    setSpec(spec);
  }

  /** The condition of the given type in the current status, if any. */
  public Optional<Condition> condition(String type) {
    return Optional.ofNullable(getStatus())
        .map(TenantStatus::conditions)
        .flatMap(cs -> cs.stream().filter(c -> type.equals(c.getType())).findFirst());
  }
}
