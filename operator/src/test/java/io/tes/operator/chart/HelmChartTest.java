package io.tes.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.tes.operator.testing.Chart;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HelmChartTest {
  private final Chart chart = new Chart();

  @Test
  void lintPassesStrict() {
    var result = new Helm(Chart.path()).lint().strict().call();
    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  @Test
  void defaultValuesRenderTypedObjects() {
    var objects = chart.render("tes-system", Map.of());
    assertThat(objects).noneMatch(o -> o instanceof GenericKubernetesResource);
    assertThat(objects.stream().map(HasMetadata::getKind).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Deployment",
            "Service");
    var deployment = Chart.ofType(objects, Deployment.class).get(0);
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("ghcr.io/tes-project/tes-operator:0.1.0");
    assertThat(env(deployment))
        .containsEntry("TES_REGIONS", "")
        .containsEntry("TES_LEADER_ELECTION", "true")
        .containsEntry("TES_DATAPLANE_IMAGE", "ghcr.io/tes-project/tes-dataplane:0.1.0")
        .containsEntry("TES_NATS_URL", "nats://tes-nats.tes-system.svc:4222");
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(Chart.ofType(objects, ServiceAccount.class).get(0).getMetadata().getNamespace())
        .isEqualTo("tes-system");
    var binding = Chart.ofType(objects, ClusterRoleBinding.class).get(0);
    assertThat(binding.getSubjects().get(0).getName()).isEqualTo("tes-tes-operator");
    // Without configured regions the operator reads them from the nodes.
    assertThat(rules(objects)).anyMatch(r -> r.getResources().contains("nodes"));
  }

  @Test
  void nonDefaultValuesChangeWhatRenders() {
    var objects =
        chart.render(
            "platform",
            Map.of(
                "regions[0]",
                "eu-west",
                "regions[1]",
                "us-east",
                "nats.enabled",
                true,
                "replicaCount",
                2,
                "leaderElection.enabled",
                false,
                "metrics.service.enabled",
                false,
                "image.tag",
                "0.2.0"));
    assertThat(objects).noneMatch(o -> o instanceof GenericKubernetesResource);
    assertThat(Chart.ofType(objects, Role.class)).isEmpty();
    assertThat(Chart.ofType(objects, RoleBinding.class)).isEmpty();
    assertThat(Chart.ofType(objects, Service.class))
        .extracting(s -> s.getMetadata().getName())
        .containsExactly("tes-nats");
    assertThat(
            Chart.ofType(objects, StatefulSet.class)
                .get(0)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getArgs())
        .contains("-js");
    var deployment = Chart.ofType(objects, Deployment.class).get(0);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(env(deployment))
        .containsEntry("TES_REGIONS", "eu-west,us-east")
        .containsEntry("TES_LEADER_ELECTION", "false")
        .containsEntry("TES_NATS_URL", "nats://tes-nats.platform.svc:4222");
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .endsWith(":0.2.0");
    // Configured regions: no need to see the nodes.
    assertThat(rules(objects)).noneMatch(r -> r.getResources().contains("nodes"));
  }

  @Test
  void rbacIsLeastPrivilege() {
    var rules = rules(chart.render("tes-system", Map.of()));
    assertThat(rules)
        .allSatisfy(
            r -> {
              assertThat(r.getVerbs()).doesNotContain("*", "deletecollection", "escalate", "bind");
              assertThat(r.getResources()).doesNotContain("*");
              assertThat(r.getApiGroups()).doesNotContain("*");
            });
    var secrets = rules.stream().filter(r -> r.getResources().contains("secrets")).toList();
    assertThat(secrets).hasSize(1);
    assertThat(secrets.get(0).getVerbs()).containsExactlyInAnyOrder("get", "create");
  }

  @Test
  void valuesOutsideTheSchemaAreRefused() {
    assertThatThrownBy(() -> chart.render("tes-system", Map.of("replicaCount", 0)))
        .hasMessageContaining("replicaCount");
    assertThatThrownBy(() -> chart.render("tes-system", Map.of("regions[0]", "EU WEST")))
        .hasMessageContaining("regions");
    assertThatThrownBy(() -> chart.render("tes-system", Map.of("nats.url", "http://nats")))
        .hasMessageContaining("nats");
  }

  private static List<PolicyRule> rules(List<HasMetadata> objects) {
    return Chart.ofType(objects, ClusterRole.class).stream()
        .flatMap(r -> r.getRules().stream())
        .toList();
  }

  private static Map<String, String> env(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(e -> e.getName(), e -> e.getValue()));
  }
}
