package io.tes.operator.reconcile;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tes.operator.dependent.Names;
import io.tes.operator.status.Observation.PodProblem;
import io.tes.operator.tenant.Tenant;
import java.util.Optional;
import java.util.Set;

/**
 * Explains a pod that is not ready, in the words the kubelet and scheduler used, so the Tenant's
 * status says "CrashLoopBackOff: ..." or "0/3 nodes are available: ..." instead of "not ready".
 */
final class PodInspector {
  private static final Set<String> FAILING =
      Set.of(
          "CrashLoopBackOff",
          "ImagePullBackOff",
          "ErrImagePull",
          "CreateContainerConfigError",
          "InvalidImageName");

  private final KubernetesClient client;

  PodInspector(KubernetesClient client) {
    this.client = client;
  }

  Optional<PodProblem> inspect(Tenant tenant) {
    Pod pod =
        client
            .pods()
            .inNamespace(Names.namespace(tenant))
            .withName(Names.STATEFUL_SET + "-0")
            .get();
    if (pod == null || pod.getStatus() == null) {
      return Optional.of(new PodProblem("The StatefulSet has not created its pod yet", false));
    }
    var status = pod.getStatus();
    if (status.getContainerStatuses() != null) {
      for (var container : status.getContainerStatuses()) {
        var waiting = container.getState() == null ? null : container.getState().getWaiting();
        if (waiting != null && waiting.getReason() != null) {
          var message =
              waiting.getReason()
                  + (waiting.getMessage() == null ? "" : ": " + waiting.getMessage());
          return Optional.of(new PodProblem(message, FAILING.contains(waiting.getReason())));
        }
      }
    }
    if (status.getConditions() != null) {
      for (var condition : status.getConditions()) {
        if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
          return Optional.of(new PodProblem("Pod not scheduled: " + condition.getMessage(), false));
        }
      }
    }
    return Optional.of(
        new PodProblem(
            "Pod " + pod.getMetadata().getName() + " is " + status.getPhase() + " and not ready",
            false));
  }
}
