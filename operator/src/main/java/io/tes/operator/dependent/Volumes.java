package io.tes.operator.dependent;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.tes.operator.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pod's volumes and where they are mounted: the config, a writable /tmp (the root file system
 * is read-only), the data claim, and the user's Secrets for webhooks and the model endpoint
 * (optional, so a pod starts before the user has made them).
 */
final class Volumes {
  private static final String CONFIG = "config";
  private static final String TMP = "tmp";
  private static final String ENRICHMENT = "enrichment-secret";

  private Volumes() {}

  static List<Volume> of(Tenant tenant) {
    var volumes = new ArrayList<Volume>();
    volumes.add(
        new VolumeBuilder()
            .withName(CONFIG)
            .withNewConfigMap()
            .withName(Names.CONFIG_MAP)
            .endConfigMap()
            .build());
    volumes.add(new VolumeBuilder().withName(TMP).withNewEmptyDir().endEmptyDir().build());
    var spec = tenant.getSpec();
    if (spec.webhooks() != null) {
      for (var webhook : spec.webhooks()) {
        if (webhook.secretRef() != null) {
          volumes.add(secret(webhookVolume(webhook.name()), webhook.secretRef().name()));
        }
      }
    }
    if (spec.enrichment() != null && spec.enrichment().apiKeySecretRef() != null) {
      volumes.add(secret(ENRICHMENT, spec.enrichment().apiKeySecretRef().name()));
    }
    return volumes;
  }

  static List<VolumeMount> mounts(Tenant tenant) {
    var mounts = new ArrayList<VolumeMount>();
    mounts.add(mount(CONFIG, Mounts.CONFIG_DIR));
    mounts.add(mount(TMP, Mounts.TMP_DIR));
    mounts.add(
        new VolumeMountBuilder()
            .withName(Names.DATA_VOLUME)
            .withMountPath(Mounts.DATA_DIR)
            .build());
    var spec = tenant.getSpec();
    if (spec.webhooks() != null) {
      for (var webhook : spec.webhooks()) {
        if (webhook.secretRef() != null) {
          mounts.add(mount(webhookVolume(webhook.name()), Mounts.webhookSecretDir(webhook.name())));
        }
      }
    }
    if (spec.enrichment() != null && spec.enrichment().apiKeySecretRef() != null) {
      mounts.add(mount(ENRICHMENT, Mounts.enrichmentSecretDir()));
    }
    return mounts;
  }

  private static String webhookVolume(String webhook) {
    return "webhook-" + webhook;
  }

  private static Volume secret(String volume, String secretName) {
    return new VolumeBuilder()
        .withName(volume)
        .withNewSecret()
        .withSecretName(secretName)
        .withOptional(true)
        .endSecret()
        .build();
  }

  private static VolumeMount mount(String volume, String path) {
    var readOnly = !TMP.equals(volume);
    return new VolumeMountBuilder()
        .withName(volume)
        .withMountPath(path)
        .withReadOnly(readOnly ? Boolean.TRUE : null)
        .build();
  }
}
