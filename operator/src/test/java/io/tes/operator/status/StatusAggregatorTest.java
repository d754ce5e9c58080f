package io.tes.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.tes.operator.tenant.Phase;
import io.tes.operator.tenant.Tenant;
import io.tes.operator.testing.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusAggregatorTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private static Tenant tenant(long generation) {
    var tenant = Tenants.minimal("acme", "eu-west");
    tenant.getMetadata().setGeneration(generation);
    return tenant;
  }

  private static Observation readyObservation(boolean ready) {
    var sts =
        new StatefulSetBuilder()
            .withNewMetadata()
            .withGeneration(1L)
            .endMetadata()
            .withNewStatus()
            .withObservedGeneration(1L)
            .withReadyReplicas(ready ? 1 : 0)
            .withCurrentRevision("r1")
            .withUpdateRevision("r1")
            .endStatus()
            .build();
    return new Observation(
        Optional.empty(),
        false,
        "eu-west",
        Optional.of(sts),
        Optional.empty(),
        Optional.empty(),
        "http://tes.tes-acme.svc");
  }

  private static Condition condition(io.tes.operator.tenant.TenantStatus status, String type) {
    return status.conditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void regionUnavailableIsNotReadyAndDegradedWithItsReason() {
    var seen =
        new Observation(
            Optional.of(new Problem(Reasons.REGION_UNAVAILABLE, "offered: us-east")),
            false,
            null,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "x");
    var status = new StatusAggregator(Clock.fixed(T0, ZoneOffset.UTC)).aggregate(tenant(3), seen);
    assertThat(status.phase()).isEqualTo(Phase.Failed);
    assertThat(status.namespace()).isNull();
    assertThat(condition(status, "Ready").getReason()).isEqualTo("RegionUnavailable");
    assertThat(condition(status, "Degraded").getStatus()).isEqualTo("True");
    assertThat(status.conditions()).allMatch(c -> c.getObservedGeneration() == 3L);
    assertThat(status.observedGeneration()).isEqualTo(3L);
  }

  @Test
  void lastTransitionTimeStaysWhileTheStatusStaysAndMovesWhenItFlips() {
    var tenant = tenant(1);
    var first =
        new StatusAggregator(Clock.fixed(T0, ZoneOffset.UTC))
            .aggregate(tenant, readyObservation(false));
    tenant.setStatus(first);
    var later = new StatusAggregator(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
    var same = later.aggregate(tenant, readyObservation(false));
    assertThat(same).isEqualTo(first);
    var flipped = later.aggregate(tenant, readyObservation(true));
    assertThat(condition(flipped, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(flipped, "Ready").getLastTransitionTime())
        .isEqualTo("2026-01-01T10:01:00Z");
    assertThat(condition(flipped, "Degraded").getLastTransitionTime())
        .isEqualTo("2026-01-01T10:00:00Z");
    assertThat(flipped.phase()).isEqualTo(Phase.Ready);
  }

  @Test
  void crashLoopIsDegradedWithTheKubeletsWords() {
    var base = readyObservation(false);
    var seen =
        new Observation(
            Optional.empty(),
            false,
            "eu-west",
            base.statefulSet(),
            Optional.of(new Observation.PodProblem("CrashLoopBackOff: back-off 5m0s", true)),
            Optional.empty(),
            base.endpoint());
    var status = new StatusAggregator(Clock.fixed(T0, ZoneOffset.UTC)).aggregate(tenant(1), seen);
    assertThat(condition(status, "Degraded").getReason()).isEqualTo("PodFailing");
    assertThat(condition(status, "Degraded").getMessage()).startsWith("CrashLoopBackOff");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("PodNotReady");
    assertThat(status.phase()).isEqualTo(Phase.Provisioning);
  }
}
