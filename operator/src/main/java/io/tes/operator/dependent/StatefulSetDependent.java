package io.tes.operator.dependent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.tes.operator.region.RegionCatalog;
import io.tes.operator.tenant.StorageSpec;
import io.tes.operator.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One data plane pod with its own volume, pinned to the tenant's region. The pod template carries a
 * hash of the rendered config, so a config change rolls the pod.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Names.MANAGED_SELECTOR))
public class StatefulSetDependent extends CRUDKubernetesDependentResource<StatefulSet, Tenant> {
  public static final String CONFIG_HASH_ANNOTATION = "tes.io/config-hash";
  static final long UID = 10001;

  public StatefulSetDependent() {
    super(StatefulSet.class);
  }

  @Override
  protected StatefulSet desired(Tenant tenant, Context<Tenant> context) {
    var plan = TenantPlan.from(context);
    var existing = context.getSecondaryResource(StatefulSet.class);
    var podLabels = new TreeMap<>(Names.labels(tenant));
    podLabels.putAll(Names.podSelector(tenant));
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName(Names.STATEFUL_SET)
        .withNamespace(Names.namespace(tenant))
        .withLabels(Names.labels(tenant))
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withServiceName(Names.SERVICE)
        .withNewSelector()
        .withMatchLabels(Names.podSelector(tenant))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(podLabels)
        .withAnnotations(Map.of(CONFIG_HASH_ANNOTATION, configHash(context)))
        .endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withTerminationGracePeriodSeconds(30L)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(UID)
        .withRunAsGroup(UID)
        .withFsGroup(UID)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withNewAffinity()
        .withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm()
        .addNewMatchExpression()
        .withKey(RegionCatalog.REGION_LABEL)
        .withOperator("In")
        .withValues(tenant.getSpec().region())
        .endMatchExpression()
        .endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .endNodeAffinity()
        .endAffinity()
        .withContainers(DataPlaneContainer.of(tenant, plan.settings()))
        .withVolumes(Volumes.of(tenant))
        .endSpec()
        .endTemplate()
        .withVolumeClaimTemplates(claimTemplate(tenant, existing.orElse(null)))
        .endSpec()
        .build();
  }

  /**
   * Claim templates cannot change once a StatefulSet exists (the API server refuses it), so an
   * existing StatefulSet keeps its size and class; the status reports a requested change.
   */
  private static PersistentVolumeClaim claimTemplate(Tenant tenant, StatefulSet existing) {
    if (existing != null && !existing.getSpec().getVolumeClaimTemplates().isEmpty()) {
      var current = existing.getSpec().getVolumeClaimTemplates().get(0);
      return claim(
          current.getSpec().getResources().getRequests().get("storage").toString(),
          current.getSpec().getStorageClassName());
    }
    var storage =
        tenant.getSpec().storage() == null
            ? new StorageSpec(null, null, null)
            : tenant.getSpec().storage();
    return claim(CanonicalQuantity.of(storage.sizeOrDefault()), storage.storageClassName());
  }

  private static PersistentVolumeClaim claim(String size, String storageClass) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withName(Names.DATA_VOLUME)
        .endMetadata()
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withStorageClassName(storageClass)
        .withVolumeMode("Filesystem")
        .withNewResources()
        .withRequests(Map.of("storage", new Quantity(size)))
        .endResources()
        .endSpec()
        .build();
  }

  private static String configHash(Context<Tenant> context) {
    var config =
        context
            .getSecondaryResource(ConfigMap.class)
            .map(cm -> cm.getData().getOrDefault(Names.CONFIG_KEY, ""))
            .orElse("");
    try {
      var digest =
          MessageDigest.getInstance("SHA-256").digest(config.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Tenant tenant, Context<Tenant> context) {
    return new ResourceID(Names.STATEFUL_SET, Names.namespace(tenant));
  }
}
