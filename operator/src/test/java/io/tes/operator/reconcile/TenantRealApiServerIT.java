package io.tes.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.Operator;
import io.tes.operator.TesOperator;
import io.tes.operator.dependent.Names;
import io.tes.operator.metrics.OperatorMetrics;
import io.tes.operator.settings.OperatorSettings;
import io.tes.operator.testbed.ClusterFixture;
import io.tes.operator.testbed.FakeKubelet;
import io.tes.operator.testbed.KubeTestbed;
import io.tes.operator.testbed.KubeTestbedExtension;
import io.tes.operator.testing.TenantScenarios;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reconcile scenarios against a real kube-apiserver 1.20 with etcd, controller-manager and
 * scheduler. The operator runs in process with the production configuration (server-side apply,
 * leader election, regions from the nodes), under a service account token bound to exactly the RBAC
 * the Helm chart renders. No kubelet runs: {@link FakeKubelet} reports scheduled pods ready and
 * confirms pod deletions.
 */
@ExtendWith(KubeTestbedExtension.class)
class TenantRealApiServerIT extends TenantScenarios {
  private KubernetesClient admin;
  private KubernetesClient operatorClient;
  private Operator operator;
  private FakeKubelet kubelet;

  @BeforeAll
  void start(KubeTestbed testbed) {
    admin = testbed.admin();
    ClusterFixture.applyCrd(admin);
    ClusterFixture.addNode(admin, "node-eu-west-1", REGION);
    ClusterFixture.addNode(admin, "node-us-east-1", OTHER_REGION);
    ClusterFixture.addVolumes(admin, 16);
    operatorClient = testbed.clientWithToken(ClusterFixture.installChartRbac(admin));
    var defaults = OperatorSettings.defaults(List.of());
    var settings =
        new OperatorSettings(
            defaults.dataplaneImage(),
            defaults.imagePullPolicy(),
            List.of(),
            defaults.natsUrl(),
            defaults.accessNamespaceLabel(),
            Duration.ofSeconds(5),
            true,
            ClusterFixture.OPERATOR_NAMESPACE,
            "127.0.0.1",
            0);
    operator =
        TesOperator.create(
            operatorClient, settings, new OperatorMetrics(), "it-operator", () -> {}, o -> {});
    operator.start();
    kubelet = new FakeKubelet(admin);
  }

  @AfterAll
  void stop() {
    if (kubelet != null) {
      kubelet.close();
    }
    if (operator != null) {
      operator.stop();
    }
    if (operatorClient != null) {
      operatorClient.close();
    }
  }

  @Override
  protected KubernetesClient admin() {
    return admin;
  }

  @Override
  protected String storageClass() {
    return ClusterFixture.STORAGE_CLASS;
  }

  @Override
  protected boolean controllersRun() {
    return true;
  }

  @Override
  protected Duration timeout() {
    return Duration.ofSeconds(90);
  }

  @Override
  protected void dataPlaneBecomesReady(String tenant) {
    kubelet.makeReady(Names.NAMESPACE_PREFIX + tenant);
  }

  @Test
  void theSchedulerPlacesThePodInTheTenantsRegion() {
    var tenant = tenant("placed");
    tenant.setSpec(tenant.getSpec().withRegion(OTHER_REGION));
    create(tenant);
    awaitDeployed("placed");
    await()
        .atMost(timeout())
        .untilAsserted(
            () -> {
              Pod pod = admin.pods().inNamespace("tes-placed").withName("tes-0").get();
              assertThat(pod).isNotNull();
              assertThat(pod.getSpec().getNodeName()).isEqualTo("node-us-east-1");
            });
    var claim =
        admin.persistentVolumeClaims().inNamespace("tes-placed").withName(Names.dataClaim()).get();
    assertThat(claim.getSpec().getStorageClassName()).isEqualTo(ClusterFixture.STORAGE_CLASS);
  }

  @Test
  void theOperatorCannotReadSecretsInBulk() {
    assertThatThrownBy(() -> operatorClient.secrets().inAnyNamespace().list())
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
    assertThatThrownBy(() -> operatorClient.apps().deployments().inAnyNamespace().list())
        .isInstanceOf(KubernetesClientException.class);
  }

  @Test
  void aRegionThatAppearsLaterIsTakenUp() {
    var tenant = tenant("latecomer");
    tenant.setSpec(tenant.getSpec().withRegion("ap-south"));
    create(tenant);
    await()
        .atMost(timeout())
        .untilAsserted(
            () ->
                assertThat(conditionReason(get("latecomer"), "Ready"))
                    .isEqualTo("False/RegionUnavailable"));
    ClusterFixture.addNode(admin, "node-ap-south-1", "ap-south");
    awaitDeployed("latecomer");
    await()
        .atMost(timeout())
        .untilAsserted(
            () ->
                assertThat(
                        admin
                            .pods()
                            .inNamespace("tes-latecomer")
                            .withName("tes-0")
                            .get()
                            .getSpec()
                            .getNodeName())
                    .isEqualTo("node-ap-south-1"));
  }
}
