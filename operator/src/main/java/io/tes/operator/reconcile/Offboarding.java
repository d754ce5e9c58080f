package io.tes.operator.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.tes.operator.dependent.Names;
import io.tes.operator.status.TenantEvents;
import io.tes.operator.tenant.DeletionPolicy;
import io.tes.operator.tenant.StorageSpec;
import io.tes.operator.tenant.Tenant;

/**
 * What the finalizer does. The objects owned by the Tenant (StatefulSet, Services, ConfigMap,
 * Secret, policies, Ingress) go through Kubernetes garbage collection in both cases; the namespace
 * and the volume claim, which the Tenant does not own, stay unless the policy is Delete.
 */
public final class Offboarding {
  private final TenantEvents events;

  public Offboarding(TenantEvents events) {
    this.events = events;
  }

  public void offboard(Tenant tenant, KubernetesClient client) {
    var storage =
        tenant.getSpec().storage() == null
            ? new StorageSpec(null, null, null)
            : tenant.getSpec().storage();
    var namespace = Names.namespace(tenant);
    if (client.namespaces().withName(namespace).get() == null) {
      // Never deployed (say, its region was never offered): nothing to keep or remove.
      return;
    }
    if (storage.deletionPolicyOrDefault() == DeletionPolicy.Delete) {
      client.namespaces().withName(namespace).delete();
      events.record(
          tenant,
          "Normal",
          "Deleted",
          "Deleted namespace " + namespace + " with the tenant's volume (deletionPolicy Delete)");
    } else {
      events.record(
          tenant,
          "Normal",
          "Retained",
          "Kept namespace "
              + namespace
              + " with volume claim "
              + Names.dataClaim()
              + " (deletionPolicy Retain); a Tenant of the same name takes it up again, and"
              + " deleting the namespace removes the data");
    }
  }
}
