package io.tes.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.tes.operator.tenant.Tenant;
import io.tes.operator.tenant.TenantStatus;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a Kubernetes Event on the Tenant whenever a condition changes its status or reason, so
 * `kubectl describe tenant` tells the story. Tenants are cluster-scoped, so their Events live in
 * the "default" namespace, as kubectl expects. A failed Event is logged, never fatal.
 */
public final class TenantEvents {
  static final String NAMESPACE = "default";
  private static final Logger LOG = LoggerFactory.getLogger(TenantEvents.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final String instance;

  public TenantEvents(KubernetesClient client, Clock clock, String instance) {
    this.client = client;
    this.clock = clock;
    this.instance = instance;
  }

  /**
   * One Event per new (reason, message) among the conditions whose status or reason changed: a
   * region problem flips Ready, Progressing and Degraded at once, and deserves one Event.
   */
  public void transitions(Tenant tenant, TenantStatus before, TenantStatus after) {
    var old =
        before == null || before.conditions() == null ? List.<Condition>of() : before.conditions();
    // reason + message -> whether any condition carrying it is a warning
    var changes = new LinkedHashMap<Condition, Boolean>();
    var seen = new LinkedHashMap<String, Condition>();
    for (var now : after.conditions()) {
      var was = old.stream().filter(c -> c.getType().equals(now.getType())).findFirst();
      boolean changed =
          was.isEmpty()
              || !Objects.equals(was.get().getStatus(), now.getStatus())
              || !Objects.equals(was.get().getReason(), now.getReason());
      if (changed && noteworthy(now)) {
        var first = seen.computeIfAbsent(now.getReason() + "\n" + now.getMessage(), k -> now);
        changes.merge(first, warning(now), Boolean::logicalOr);
      }
    }
    changes.forEach(
        (change, asWarning) ->
            record(
                tenant, asWarning ? "Warning" : "Normal", change.getReason(), change.getMessage()));
  }

  public void record(Tenant tenant, String type, String reason, String message) {
    var now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    var event =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace(NAMESPACE)
            .withName(
                tenant.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8))
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(tenant.getApiVersion())
                    .withKind(tenant.getKind())
                    .withName(tenant.getMetadata().getName())
                    .withUid(tenant.getMetadata().getUid())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent("tes-operator")
            .endSource()
            .withReportingComponent("tes-operator")
            .withReportingInstance(instance)
            .build();
    try {
      client.v1().events().inNamespace(NAMESPACE).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "could not record event {} on tenant {}: {}",
          reason,
          tenant.getMetadata().getName(),
          e.getMessage());
    }
  }

  /** Progressing=False/Reconciled and Degraded=False are the quiet normal; no Event for them. */
  private static boolean noteworthy(Condition condition) {
    return switch (condition.getType()) {
      case Reasons.READY -> true;
      case Reasons.DEGRADED -> "True".equals(condition.getStatus());
      default -> !Reasons.RECONCILED.equals(condition.getReason());
    };
  }

  private static boolean warning(Condition condition) {
    return Reasons.DEGRADED.equals(condition.getType()) && "True".equals(condition.getStatus());
  }
}
