package io.tes.operator.dependent;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.tes.operator.tenant.Tenant;

/** The Ingress exists exactly while spec.ingress is set; removing it deletes the Ingress. */
public class IngressRequestedCondition implements Condition<Ingress, Tenant> {
  @Override
  public boolean isMet(
      DependentResource<Ingress, Tenant> dependentResource,
      Tenant tenant,
      Context<Tenant> context) {
    return tenant.getSpec().ingress() != null;
  }
}
