package io.tes.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.tes.operator.dependent.Names;
import io.tes.operator.tenant.Phase;
import io.tes.operator.tenant.Tenant;
import io.tes.operator.tenant.TenantStatus;
import java.time.Clock;
import java.util.List;

/**
 * Turns an {@link Observation} into the Tenant's status: Ready (is it serving?), Progressing (is
 * the operator still changing something?) and Degraded (does something need a person?), each with
 * the tenant's generation.
 */
public final class StatusAggregator {
  private final Clock clock;

  public StatusAggregator(Clock clock) {
    this.clock = clock;
  }

  public TenantStatus aggregate(Tenant tenant, Observation seen) {
    var previous = tenant.getStatus();
    var generation =
        tenant.getMetadata().getGeneration() == null ? 0L : tenant.getMetadata().getGeneration();
    var conditions =
        new Conditions(
            previous == null ? null : previous.conditions(), generation, clock.instant());
    boolean deployed = seen.placedRegion() != null;
    return new TenantStatus(
        generation,
        phase(seen),
        seen.placedRegion(),
        deployed ? Names.namespace(tenant) : null,
        deployed ? seen.endpoint() : null,
        deployed ? Names.CREDENTIALS_SECRET : null,
        List.of(
            ready(conditions, seen), progressing(conditions, seen), degraded(conditions, seen)));
  }

  private static Condition ready(Conditions conditions, Observation seen) {
    if (seen.dataPlaneReady()) {
      return conditions.of(
          Reasons.READY,
          true,
          Reasons.DATA_PLANE_READY,
          "The data plane serves at " + seen.endpoint());
    }
    if (seen.problem().isPresent()) {
      var problem = seen.problem().get();
      return conditions.of(Reasons.READY, false, problem.reason(), problem.message());
    }
    if (seen.paused()) {
      return conditions.of(
          Reasons.READY, false, Reasons.PAUSED, "Reconciliation is paused (spec.paused)");
    }
    if (seen.statefulSet().isEmpty()) {
      return conditions.of(
          Reasons.READY, false, Reasons.PROVISIONING, "Creating the tenant's objects");
    }
    var why = seen.podProblem().map(Observation.PodProblem::message).orElse("Waiting for the pod");
    return conditions.of(Reasons.READY, false, Reasons.POD_NOT_READY, why);
  }

  private static Condition progressing(Conditions conditions, Observation seen) {
    if (seen.problem().isPresent()) {
      var problem = seen.problem().get();
      return conditions.of(Reasons.PROGRESSING, false, problem.reason(), problem.message());
    }
    if (seen.paused()) {
      return conditions.of(
          Reasons.PROGRESSING,
          false,
          Reasons.PAUSED,
          "Reconciliation is paused (spec.paused); changes to the spec are not applied");
    }
    if (seen.statefulSet().isEmpty()) {
      return conditions.of(
          Reasons.PROGRESSING, true, Reasons.PROVISIONING, "Creating the tenant's objects");
    }
    if (!seen.rolledOut() || !seen.dataPlaneReady()) {
      return conditions.of(
          Reasons.PROGRESSING, true, Reasons.ROLLING_OUT, "Rolling out the data plane");
    }
    return conditions.of(
        Reasons.PROGRESSING, false, Reasons.RECONCILED, "All objects match the spec");
  }

  private static Condition degraded(Conditions conditions, Observation seen) {
    if (seen.problem().isPresent()) {
      var problem = seen.problem().get();
      return conditions.of(Reasons.DEGRADED, true, problem.reason(), problem.message());
    }
    var failing = seen.podProblem().filter(Observation.PodProblem::failing);
    if (failing.isPresent()) {
      return conditions.of(Reasons.DEGRADED, true, Reasons.POD_FAILING, failing.get().message());
    }
    if (seen.warning().isPresent()) {
      var warning = seen.warning().get();
      return conditions.of(Reasons.DEGRADED, true, warning.reason(), warning.message());
    }
    return conditions.of(Reasons.DEGRADED, false, Reasons.AS_EXPECTED, "Nothing needs attention");
  }

  private static Phase phase(Observation seen) {
    if (seen.dataPlaneReady()) {
      return seen.paused() ? Phase.Paused : Phase.Ready;
    }
    if (seen.problem().isPresent()) {
      return Phase.Failed;
    }
    if (seen.paused()) {
      return Phase.Paused;
    }
    return seen.statefulSet().isPresent() ? Phase.Provisioning : Phase.Pending;
  }
}
