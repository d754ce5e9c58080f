package io.tes.operator.dependent;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.tes.operator.tenant.Tenant;
import java.util.HashMap;

/**
 * The tenant's own namespace. Deliberately neither garbage collected nor deleted by the workflow:
 * with deletionPolicy Retain it must outlive the Tenant, since it holds the volume claim. The
 * reconciler's cleanup deletes it when the policy is Delete.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Names.MANAGED_SELECTOR))
public class NamespaceDependent extends KubernetesDependentResource<Namespace, Tenant>
    implements Creator<Namespace, Tenant>, Updater<Namespace, Tenant> {

  public NamespaceDependent() {
    super(Namespace.class);
  }

  @Override
  protected Namespace desired(Tenant tenant, Context<Tenant> context) {
    var labels = new HashMap<>(Names.labels(tenant));
    // Pod Security Admission (1.23+) holds the tenant's pods to the restricted profile.
    labels.put("pod-security.kubernetes.io/enforce", "restricted");
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(Names.namespace(tenant))
        .withLabels(labels)
        .endMetadata()
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Tenant tenant, Context<Tenant> context) {
    return new ResourceID(Names.namespace(tenant));
  }
}
