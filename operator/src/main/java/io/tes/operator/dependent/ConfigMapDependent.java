package io.tes.operator.dependent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.tes.operator.tenant.Tenant;
import io.tes.operator.tenantconfig.TenantConfigRenderer;
import java.util.Map;

/** The tenant config file (tenant.yaml), the same file the data plane reads when run by hand. */
@KubernetesDependent(informer = @Informer(labelSelector = Names.MANAGED_SELECTOR))
public class ConfigMapDependent extends CRUDKubernetesDependentResource<ConfigMap, Tenant> {
  private final TenantConfigRenderer renderer = new TenantConfigRenderer();

  public ConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(Tenant tenant, Context<Tenant> context) {
    var rendered =
        renderer.render(
            tenant,
            CredentialsSecretDependent.apiKeyHash(context),
            TenantPlan.from(context).schemaTypes());
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(Names.CONFIG_MAP)
        .withNamespace(Names.namespace(tenant))
        .withLabels(Names.labels(tenant))
        .endMetadata()
        .withData(Map.of(Names.CONFIG_KEY, rendered))
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Tenant tenant, Context<Tenant> context) {
    return new ResourceID(Names.CONFIG_MAP, Names.namespace(tenant));
  }
}
