package io.tes.operator.reconcile;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.tes.operator.status.Problem;
import io.tes.operator.status.Reasons;
import io.tes.operator.tenant.StorageSpec;
import io.tes.operator.tenant.Tenant;
import java.util.Objects;
import java.util.Optional;

/**
 * A volume claim template cannot change after the StatefulSet exists; a spec that asks for another
 * size or class is reported, not silently dropped.
 */
final class StorageCheck {
  private StorageCheck() {}

  static Optional<Problem> ignoredChange(Tenant tenant, Optional<StatefulSet> statefulSet) {
    var templates = statefulSet.map(s -> s.getSpec().getVolumeClaimTemplates()).orElse(null);
    if (templates == null || templates.isEmpty()) {
      return Optional.empty();
    }
    var claim = templates.get(0).getSpec();
    var spec =
        tenant.getSpec().storage() == null
            ? new StorageSpec(null, null, null)
            : tenant.getSpec().storage();
    var actualSize = claim.getResources().getRequests().get("storage");
    boolean sizeDiffers = !new Quantity(spec.sizeOrDefault()).equals(actualSize);
    boolean classDiffers =
        spec.storageClassName() != null
            && !Objects.equals(spec.storageClassName(), claim.getStorageClassName());
    if (!sizeDiffers && !classDiffers) {
      return Optional.empty();
    }
    return Optional.of(
        new Problem(
            Reasons.STORAGE_CHANGE_IGNORED,
            "The volume was made with size "
                + actualSize
                + " and class "
                + Objects.requireNonNullElse(claim.getStorageClassName(), "(default)")
                + "; a StatefulSet cannot change its volume claim, so spec.storage's new values"
                + " are not applied"));
  }
}
