package io.tes.operator.reconcile;

import io.tes.operator.dependent.IngressDependent;
import io.tes.operator.dependent.ServiceDependent;
import io.tes.operator.tenant.Tenant;

/** The address a client uses: the Ingress host when there is one, else the Service. */
final class Endpoints {
  private Endpoints() {}

  static String of(Tenant tenant) {
    return tenant.getSpec().ingress() != null
        ? IngressDependent.endpoint(tenant)
        : ServiceDependent.endpoint(tenant);
  }
}
