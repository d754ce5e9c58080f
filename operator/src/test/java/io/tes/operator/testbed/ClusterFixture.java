package io.tes.operator.testbed;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.tes.operator.region.RegionCatalog;
import io.tes.operator.testing.Chart;
import io.tes.operator.testing.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the scenarios expect of the cluster: the CRD, region-labelled nodes, volumes. */
public final class ClusterFixture {
  public static final String STORAGE_CLASS = "tes-test";
  public static final String OPERATOR_NAMESPACE = "tes-system";

  private ClusterFixture() {}

  /** Applies the committed CRD (crds/) and waits until the API server serves it. */
  public static void applyCrd(KubernetesClient admin) {
    try (var in = Files.newInputStream(Repo.path("crds/tenants.tes.io-v1.yml"))) {
      var crd = admin.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      admin.resource(crd).createOr(NonDeletingOperation::update);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              var crd =
                  admin
                      .apiextensions()
                      .v1()
                      .customResourceDefinitions()
                      .withName("tenants.tes.io")
                      .get();
              return crd.getStatus() != null
                  && crd.getStatus().getConditions().stream()
                      .anyMatch(
                          c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
            });
  }

  /**
   * A Node per region, made schedulable by hand: no kubelet reports it Ready, and the admission
   * plugin taints a new node "not-ready" until one does.
   */
  public static void addNode(KubernetesClient admin, String name, String region) {
    var node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(Map.of(RegionCatalog.REGION_LABEL, region, "kubernetes.io/hostname", name))
            .endMetadata()
            .build();
    admin.resource(node).createOr(NonDeletingOperation::update);
    var capacity =
        Map.of(
            "cpu", new Quantity("8"), "memory", new Quantity("16Gi"), "pods", new Quantity("110"));
    var now = Instant.now().toString();
    var ready =
        new NodeConditionBuilder()
            .withType("Ready")
            .withStatus("True")
            .withReason("KubeletReady")
            .withLastHeartbeatTime(now)
            .withLastTransitionTime(now)
            .build();
    retryOnConflict(() -> admin.nodes().withName(name).edit(n -> untainted(n)));
    retryOnConflict(() -> admin.nodes().withName(name).editStatus(n -> ready(n, capacity, ready)));
  }

  private static Node untainted(Node node) {
    node.getSpec().setTaints(List.of());
    return node;
  }

  private static Node ready(Node node, Map<String, Quantity> capacity, NodeCondition ready) {
    node.getStatus().setCapacity(capacity);
    node.getStatus().setAllocatable(capacity);
    node.getStatus().setConditions(List.of(ready));
    return node;
  }

  /** Controllers annotate nodes too; an edit that lost that race is simply made again. */
  private static void retryOnConflict(Runnable edit) {
    for (int attempt = 1; ; attempt++) {
      try {
        edit.run();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 10) {
          throw e;
        }
      }
    }
  }

  /**
   * A storage class without a provisioner and pre-made volumes for it, bound by the PV controller.
   */
  public static void addVolumes(KubernetesClient admin, int count) {
    admin
        .resource(
            new StorageClassBuilder()
                .withNewMetadata()
                .withName(STORAGE_CLASS)
                .endMetadata()
                .withProvisioner("kubernetes.io/no-provisioner")
                .withVolumeBindingMode("Immediate")
                .withReclaimPolicy("Retain")
                .build())
        .createOr(NonDeletingOperation::update);
    for (int i = 0; i < count; i++) {
      admin
          .resource(
              new PersistentVolumeBuilder()
                  .withNewMetadata()
                  .withName("tes-pv-" + i)
                  .endMetadata()
                  .withNewSpec()
                  .withStorageClassName(STORAGE_CLASS)
                  .withAccessModes("ReadWriteOnce")
                  .withCapacity(Map.of("storage", new Quantity("2Gi")))
                  .withPersistentVolumeReclaimPolicy("Retain")
                  .withNewHostPath()
                  .withPath("/tmp/tes-pv-" + i)
                  .endHostPath()
                  .endSpec()
                  .build())
          .createOr(NonDeletingOperation::update);
    }
  }

  /**
   * Installs the RBAC objects exactly as the Helm chart renders them with its default values and
   * returns a token of the chart's ServiceAccount.
   */
  public static String installChartRbac(KubernetesClient admin) {
    admin
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(OPERATOR_NAMESPACE)
                .endMetadata()
                .build())
        .createOr(NonDeletingOperation::update);
    var objects = new Chart().render(OPERATOR_NAMESPACE, Map.of());
    String serviceAccount = null;
    for (var object : objects) {
      switch (object.getKind()) {
        case "ServiceAccount" -> serviceAccount = object.getMetadata().getName();
        case "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding" -> {}
        default -> {
          continue;
        }
      }
      admin.resource(object).createOr(NonDeletingOperation::update);
    }
    var token =
        admin
            .serviceAccounts()
            .inNamespace(OPERATOR_NAMESPACE)
            .withName(serviceAccount)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(7200L)
                    .endSpec()
                    .build());
    return token.getStatus().getToken();
  }
}
