package io.tes.operator.dependent;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.tes.operator.tenant.Tenant;

/** Exposes the tenant's Service on its host; only made when spec.ingress asks for it. */
@KubernetesDependent(informer = @Informer(labelSelector = Names.MANAGED_SELECTOR))
public class IngressDependent extends CRUDKubernetesDependentResource<Ingress, Tenant> {

  public IngressDependent() {
    super(Ingress.class);
  }

  @Override
  protected Ingress desired(Tenant tenant, Context<Tenant> context) {
    var spec = tenant.getSpec().ingress();
    var builder =
        new IngressBuilder()
            .withNewMetadata()
            .withName(Names.INGRESS)
            .withNamespace(Names.namespace(tenant))
            .withLabels(Names.labels(tenant))
            .endMetadata()
            .withNewSpec()
            .withIngressClassName(spec.className())
            .addNewRule()
            .withHost(spec.host())
            .withNewHttp()
            .addNewPath()
            .withPath("/")
            .withPathType("Prefix")
            .withNewBackend()
            .withNewService()
            .withName(Names.SERVICE)
            .withNewPort()
            .withName(Names.HTTP_PORT_NAME)
            .endPort()
            .endService()
            .endBackend()
            .endPath()
            .endHttp()
            .endRule();
    if (spec.tlsSecretName() != null) {
      builder.withTls(
          new IngressTLSBuilder()
              .withHosts(spec.host())
              .withSecretName(spec.tlsSecretName())
              .build());
    }
    return builder.endSpec().build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Tenant tenant, Context<Tenant> context) {
    return new ResourceID(Names.INGRESS, Names.namespace(tenant));
  }

  /** The public address when an Ingress is asked for. */
  public static String endpoint(Tenant tenant) {
    var spec = tenant.getSpec().ingress();
    return (spec.tlsSecretName() != null ? "https://" : "http://") + spec.host();
  }
}
