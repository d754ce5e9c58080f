package io.tes.operator.reconcile;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.tes.operator.dependent.ConfigMapDependent;
import io.tes.operator.dependent.CredentialsSecretDependent;
import io.tes.operator.dependent.IngressDependent;
import io.tes.operator.dependent.IngressRequestedCondition;
import io.tes.operator.dependent.NamespaceDependent;
import io.tes.operator.dependent.NetworkPolicyDependent;
import io.tes.operator.dependent.ResourceQuotaDependent;
import io.tes.operator.dependent.ServiceDependent;
import io.tes.operator.dependent.StatefulSetDependent;
import io.tes.operator.dependent.TenantPlan;
import io.tes.operator.settings.OperatorSettings;
import io.tes.operator.status.Observation;
import io.tes.operator.status.Problem;
import io.tes.operator.status.Reasons;
import io.tes.operator.status.StatusAggregator;
import io.tes.operator.status.TenantEvents;
import io.tes.operator.tenant.Tenant;
import io.tes.operator.tenant.TenantStatus;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Observe, validate, reconcile, report. The workflow is invoked explicitly so that a tenant whose
 * region is not offered, or that is paused, gets nothing deployed or changed, only a status.
 */
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(name = "namespace", type = NamespaceDependent.class),
      @Dependent(
          name = "credentials",
          type = CredentialsSecretDependent.class,
          dependsOn = "namespace"),
      @Dependent(name = "config", type = ConfigMapDependent.class, dependsOn = "credentials"),
      @Dependent(name = "quota", type = ResourceQuotaDependent.class, dependsOn = "namespace"),
      @Dependent(
          name = "network-policy",
          type = NetworkPolicyDependent.class,
          dependsOn = "namespace"),
      @Dependent(name = "service", type = ServiceDependent.class, dependsOn = "namespace"),
      @Dependent(
          name = "statefulset",
          type = StatefulSetDependent.class,
          dependsOn = {"config", "quota", "network-policy", "service"}),
      @Dependent(
          name = "ingress",
          type = IngressDependent.class,
          dependsOn = "service",
          reconcilePrecondition = IngressRequestedCondition.class)
    })
// A periodic look catches what no watch reports: a deleted credentials Secret, an edited schema
// ConfigMap, a node region that appeared.
@ControllerConfiguration(
    name = TenantReconciler.NAME,
    maxReconciliationInterval =
        @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public class TenantReconciler implements Reconciler<Tenant>, Cleaner<Tenant> {
  public static final String NAME = "tenant";

  private final OperatorSettings settings;
  private final TenantValidator validator;
  private final StatusAggregator aggregator;
  private final TenantEvents events;
  private final Offboarding offboarding;

  public TenantReconciler(
      OperatorSettings settings,
      TenantValidator validator,
      StatusAggregator aggregator,
      TenantEvents events,
      Offboarding offboarding) {
    this.settings = settings;
    this.validator = validator;
    this.aggregator = aggregator;
    this.events = events;
    this.offboarding = offboarding;
  }

  @Override
  public UpdateControl<Tenant> reconcile(Tenant tenant, Context<Tenant> context) {
    var placed = tenant.getStatus() == null ? null : tenant.getStatus().region();
    Optional<Problem> problem = Optional.empty();
    switch (validator.validate(tenant)) {
      case TenantValidator.Result.Invalid invalid -> problem = Optional.of(invalid.problem());
      case TenantValidator.Result.Valid valid -> {
        if (!tenant.getSpec().isPaused()) {
          new TenantPlan(settings, valid.schemaTypes()).putInto(context);
          context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
          placed = tenant.getSpec().region();
        }
      }
    }
    var seen = observe(tenant, context, problem, placed);
    var control = report(tenant, aggregator.aggregate(tenant, seen));
    if (problem.filter(p -> p.reason().equals(Reasons.REGION_UNAVAILABLE)).isPresent()) {
      // Nodes come and go without an event on the Tenant: look again for the region.
      control.rescheduleAfter(settings.regionRecheck());
    }
    return control;
  }

  private Observation observe(
      Tenant tenant, Context<Tenant> context, Optional<Problem> problem, String placed) {
    var statefulSet =
        placed == null
            ? Optional.<StatefulSet>empty()
            : context.getSecondaryResource(StatefulSet.class);
    boolean ready = Observation.hasReadyReplica(statefulSet);
    // Only a pod that is not ready needs explaining, and only then is it worth a GET.
    var podProblem =
        statefulSet.isPresent() && !ready
            ? new PodInspector(context.getClient()).inspect(tenant)
            : Optional.<Observation.PodProblem>empty();
    return new Observation(
        problem,
        tenant.getSpec().isPaused(),
        placed,
        statefulSet,
        podProblem,
        StorageCheck.ignoredChange(tenant, statefulSet),
        Endpoints.of(tenant));
  }

  private UpdateControl<Tenant> report(Tenant tenant, TenantStatus status) {
    if (status.equals(tenant.getStatus())) {
      return UpdateControl.noUpdate();
    }
    events.transitions(tenant, tenant.getStatus(), status);
    return UpdateControl.patchStatus(statusOnly(tenant, status));
  }

  @Override
  public ErrorStatusUpdateControl<Tenant> updateErrorStatus(
      Tenant tenant, Context<Tenant> context, Exception e) {
    var placed = tenant.getStatus() == null ? null : tenant.getStatus().region();
    var problem = new Problem(Reasons.RECONCILE_ERROR, ErrorMessages.of(e));
    var seen =
        new Observation(
            Optional.of(problem),
            tenant.getSpec().isPaused(),
            placed,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Endpoints.of(tenant));
    var status = aggregator.aggregate(tenant, seen);
    if (status.equals(tenant.getStatus())) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    events.transitions(tenant, tenant.getStatus(), status);
    return ErrorStatusUpdateControl.patchStatus(statusOnly(tenant, status));
  }

  @Override
  public DeleteControl cleanup(Tenant tenant, Context<Tenant> context) {
    offboarding.offboard(tenant, context.getClient());
    return DeleteControl.defaultDelete();
  }

  /** A fresh object with only what a status patch needs, so no stale field is sent back. */
  private static Tenant statusOnly(Tenant tenant, TenantStatus status) {
    var fresh = new Tenant();
    fresh.getMetadata().setName(tenant.getMetadata().getName());
    fresh.setStatus(status);
    return fresh;
  }
}
