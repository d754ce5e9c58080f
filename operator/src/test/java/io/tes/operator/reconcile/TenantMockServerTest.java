package io.tes.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;
import io.tes.operator.TesOperator;
import io.tes.operator.dependent.Names;
import io.tes.operator.metrics.MetricsServer;
import io.tes.operator.metrics.OperatorMetrics;
import io.tes.operator.settings.OperatorSettings;
import io.tes.operator.tenant.Tenant;
import io.tes.operator.testing.TenantScenarios;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reconcile scenarios against Fabric8's mock API server in CRUD mode. What differs from
 * production: the mock has no server-side apply, so the primary's status is merge-patched and the
 * dependents are created and updated with plain create/update and compared by the generic matcher
 * (everything else is the production wiring of {@link TesOperator}); no controllers run, so the
 * test itself writes the StatefulSet's ready status and makes the volume claim.
 */
class TenantMockServerTest extends TenantScenarios {
  private KubernetesMockServer server;
  private KubernetesClient client;
  private Operator operator;
  private OperatorMetrics metrics = new OperatorMetrics();

  @BeforeAll
  void start() {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(List.of()),
            false);
    server.init();
    server.expectCustomResource(
        CustomResourceDefinitionContext.fromCustomResourceType(Tenant.class));
    client = server.createClient();
    operator =
        TesOperator.create(
            client,
            OperatorSettings.defaults(List.of(REGION, OTHER_REGION)),
            metrics,
            "mock-test",
            () -> {},
            o ->
                o.withUseSSAToPatchPrimaryResource(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false));
    operator.start();
  }

  @AfterAll
  void stop() {
    operator.stop();
    client.close();
    server.destroy();
  }

  @Override
  protected KubernetesClient admin() {
    return client;
  }

  @Override
  protected String storageClass() {
    return null;
  }

  @Override
  protected boolean controllersRun() {
    return false;
  }

  @Override
  protected Duration quietPeriod() {
    return Duration.ofSeconds(3);
  }

  @Override
  protected Duration timeout() {
    return Duration.ofSeconds(20);
  }

  /** No StatefulSet controller here: report a ready replica as it would. */
  @Override
  protected void dataPlaneBecomesReady(String tenant) {
    client
        .apps()
        .statefulSets()
        .inNamespace(Names.NAMESPACE_PREFIX + tenant)
        .withName(Names.STATEFUL_SET)
        .editStatus(
            sts -> {
              sts.setStatus(
                  new io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder()
                      .withReplicas(1)
                      .withReadyReplicas(1)
                      .withCurrentReplicas(1)
                      .withUpdatedReplicas(1)
                      .withObservedGeneration(sts.getMetadata().getGeneration())
                      .withCurrentRevision("tes-1")
                      .withUpdateRevision("tes-1")
                      .build());
              return sts;
            });
  }

  /** No StatefulSet controller here: make the claim it would make from the template. */
  @Override
  protected String awaitDataClaim(String tenant) {
    var ns = Names.NAMESPACE_PREFIX + tenant;
    client
        .persistentVolumeClaims()
        .inNamespace(ns)
        .resource(
            new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName(Names.dataClaim())
                .withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withNewResources()
                .withRequests(Map.of("storage", new Quantity("1Gi")))
                .endResources()
                .endSpec()
                .build())
        .create();
    return Names.dataClaim();
  }

  @Test
  void metricsCountReconciliations() throws Exception {
    create(tenant("metered"));
    awaitDeployed("metered");
    try (var server = new MetricsServer("127.0.0.1", 0, metrics.registry(), () -> true)) {
      var http = HttpClient.newHttpClient();
      var base = "http://127.0.0.1:" + server.port();
      var scrape =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
              BodyHandlers.ofString());
      assertThat(scrape.statusCode()).isEqualTo(200);
      var line =
          scrape
              .body()
              .lines()
              .filter(l -> l.startsWith("tes_operator_reconciliations_total "))
              .findFirst();
      assertThat(line).isPresent();
      assertThat(Double.parseDouble(line.get().split(" ")[1])).isGreaterThan(0);
      assertThat(scrape.body()).contains("tes_operator_reconcile_duration_seconds_bucket");
      var health =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
              BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }

  StatefulSet statefulSet(String tenant) {
    return client
        .apps()
        .statefulSets()
        .inNamespace(Names.NAMESPACE_PREFIX + tenant)
        .withName(Names.STATEFUL_SET)
        .get();
  }
}
