package io.tes.operator.dependent;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.tes.operator.tenant.Tenant;

/**
 * The tenant's in-cluster address (port 80 to the pod's 8080). It also serves as the StatefulSet's
 * governing service; one replica needs no headless per-pod DNS.
 */
// Creating through server-side apply with resourceVersion "1" (JOSDK's "create only if absent")
// is refused for Services by API servers before 1.22 with a 500; plain apply works everywhere.
@KubernetesDependent(
    informer = @Informer(labelSelector = Names.MANAGED_SELECTOR),
    createResourceOnlyIfNotExistingWithSSA = false)
public class ServiceDependent extends CRUDKubernetesDependentResource<Service, Tenant> {

  public ServiceDependent() {
    super(Service.class);
  }

  @Override
  protected Service desired(Tenant tenant, Context<Tenant> context) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(Names.SERVICE)
        .withNamespace(Names.namespace(tenant))
        .withLabels(Names.labels(tenant))
        .endMetadata()
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(Names.podSelector(tenant))
        .addNewPort()
        .withName(Names.HTTP_PORT_NAME)
        .withProtocol("TCP")
        .withPort(80)
        .withTargetPort(new IntOrString(Names.HTTP_PORT_NAME))
        .endPort()
        .endSpec()
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Tenant tenant, Context<Tenant> context) {
    return new ResourceID(Names.SERVICE, Names.namespace(tenant));
  }

  /** The address clients inside the cluster use. */
  public static String endpoint(Tenant tenant) {
    return "http://" + Names.SERVICE + "." + Names.namespace(tenant) + ".svc";
  }
}
