package io.tes.operator.dependent;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.tes.operator.tenant.ResourcesSpec;
import io.tes.operator.tenant.StorageSpec;
import io.tes.operator.tenant.Tenant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Caps the tenant namespace at what its one data plane pod and volume need, so nothing else (a
 * stray workload, a second claim) can grow inside it.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Names.MANAGED_SELECTOR))
public class ResourceQuotaDependent extends CRUDKubernetesDependentResource<ResourceQuota, Tenant> {

  /** Room for the old and the new pod at once while a rollout replaces it. */
  static final int POD_HEADROOM = 2;

  public ResourceQuotaDependent() {
    super(ResourceQuota.class);
  }

  @Override
  protected ResourceQuota desired(Tenant tenant, Context<Tenant> context) {
    return new ResourceQuotaBuilder()
        .withNewMetadata()
        .withName(Names.RESOURCE_QUOTA)
        .withNamespace(Names.namespace(tenant))
        .withLabels(Names.labels(tenant))
        .endMetadata()
        .withNewSpec()
        .withHard(hard(tenant))
        .endSpec()
        .build();
  }

  static Map<String, Quantity> hard(Tenant tenant) {
    var spec = tenant.getSpec();
    var resources = spec.resources() == null ? new ResourcesSpec(null, null) : spec.resources();
    var storage = spec.storage() == null ? new StorageSpec(null, null, null) : spec.storage();
    var hard = new TreeMap<String, Quantity>();
    hard.put("pods", new Quantity(Integer.toString(POD_HEADROOM)));
    hard.put("requests.cpu", times(resources.requestsOrDefault().cpu()));
    hard.put("requests.memory", times(resources.requestsOrDefault().memory()));
    hard.put("limits.cpu", times(resources.limitsOrDefault().cpu()));
    hard.put("limits.memory", times(resources.limitsOrDefault().memory()));
    hard.put("persistentvolumeclaims", new Quantity("1"));
    hard.put("requests.storage", new Quantity(CanonicalQuantity.of(storage.sizeOrDefault())));
    return hard;
  }

  private static Quantity times(String quantity) {
    return new Quantity(CanonicalQuantity.times(quantity, POD_HEADROOM));
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Tenant tenant, Context<Tenant> context) {
    return new ResourceID(Names.RESOURCE_QUOTA, Names.namespace(tenant));
  }
}
