package io.tes.operator.status;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Optional;

/**
 * What one reconcile saw, the input of {@link StatusAggregator}.
 *
 * @param problem what keeps the spec from being applied, if anything
 * @param paused whether spec.paused holds reconciliation
 * @param placedRegion the region the data plane runs in (null before it was ever deployed)
 * @param statefulSet the data plane's StatefulSet, if it exists
 * @param podProblem why the data plane pod is not ready, if it is not
 * @param warning something the user should know that does not stop anything
 * @param endpoint the tenant's address, once deployed
 */
public record Observation(
    Optional<Problem> problem,
    boolean paused,
    String placedRegion,
    Optional<StatefulSet> statefulSet,
    Optional<PodProblem> podProblem,
    Optional<Problem> warning,
    String endpoint) {

  /** Why the pod is not ready; failing means it will not get better by waiting. */
  public record PodProblem(String message, boolean failing) {}

  public boolean dataPlaneReady() {
    return hasReadyReplica(statefulSet);
  }

  public static boolean hasReadyReplica(Optional<StatefulSet> statefulSet) {
    return statefulSet
        .map(StatefulSet::getStatus)
        .map(s -> s.getReadyReplicas() != null && s.getReadyReplicas() >= 1)
        .orElse(false);
  }

  public boolean rolledOut() {
    return statefulSet
        .filter(
            s ->
                s.getStatus() != null
                    && s.getStatus().getObservedGeneration() != null
                    && s.getStatus().getObservedGeneration() >= s.getMetadata().getGeneration())
        .filter(
            s ->
                s.getStatus().getUpdateRevision() == null
                    || s.getStatus().getUpdateRevision().equals(s.getStatus().getCurrentRevision()))
        .isPresent();
  }
}
