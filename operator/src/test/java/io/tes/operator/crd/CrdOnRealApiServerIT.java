package io.tes.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.tes.operator.tenant.Tenant;
import io.tes.operator.testbed.ClusterFixture;
import io.tes.operator.testbed.KubeTestbed;
import io.tes.operator.testbed.KubeTestbedExtension;
import io.tes.operator.testing.Repo;
import io.tes.operator.testing.Tenants;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated CRD on a real API server: accepted and established, its OpenAPI validation refusing
 * bad Tenants with messages that name the field, its defaults applied, its printer columns served.
 * Creates use server-side dry run, so nothing is left behind.
 */
@ExtendWith(KubeTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrdOnRealApiServerIT {
  private KubernetesClient admin;

  @BeforeAll
  void start(KubeTestbed testbed) {
    admin = testbed.admin();
    ClusterFixture.applyCrd(admin);
  }

  private Tenant dryRunCreate(Map<String, Object> spec) {
    var raw = new GenericKubernetesResource();
    raw.setApiVersion("tes.io/v1alpha1");
    raw.setKind("Tenant");
    raw.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("probe").build());
    raw.setAdditionalProperty("spec", spec);
    var created = admin.resource(raw).dryRun().create();
    return admin.getKubernetesSerialization().convertValue(created, Tenant.class);
  }

  @Test
  void aFullTenantIsAccepted() {
    var tenant = Tenants.full("full", "eu-west", "fast");
    var created = admin.resource(tenant).dryRun().create();
    assertThat(created.getSpec()).isEqualTo(tenant.getSpec());
  }

  @Test
  void theExampleTenantsAreAccepted() throws Exception {
    for (var example : List.of("examples/tenant-minimal.yaml", "examples/tenant-full.yaml")) {
      try (var in = Files.newInputStream(Repo.path(example))) {
        var tenants =
            admin.load(in).items().stream()
                .filter(o -> "Tenant".equals(o.getKind()))
                .map(o -> admin.getKubernetesSerialization().convertValue(o, Tenant.class))
                .toList();
        assertThat(tenants).as(example).hasSize(1);
        var created = admin.resource(tenants.get(0)).dryRun().create();
        assertThat(created.getSpec().region()).isEqualTo("eu-west");
      }
    }
  }

  @Test
  void theServerFillsTheDefaults() {
    var created =
        dryRunCreate(Map.of("region", "eu-west", "storage", Map.of(), "schemas", Map.of()));
    assertThat(created.getSpec().storage().deletionPolicy()).hasToString("Retain");
    assertThat(created.getSpec().storage().size()).isEqualTo("1Gi");
    assertThat(created.getSpec().schemas().unknownTypes()).hasToString("ACCEPT");
  }

  @Test
  void unknownFieldsArePruned() {
    var created = dryRunCreate(Map.of("region", "eu-west", "colour", "blue"));
    assertThat(admin.getKubernetesSerialization().asJson(created)).doesNotContain("colour");
  }

  @Test
  void invalidTenantsAreRefusedWithTheFieldNamed() {
    assertRefused(Map.of(), "spec.region: Required value");
    assertRefused(Map.of("region", "EU West"), "spec.region");
    assertRefused(
        Map.of("region", "eu-west", "storage", Map.of("deletionPolicy", "Sometimes")),
        "spec.storage.deletionPolicy: Unsupported value");
    assertRefused(
        Map.of("region", "eu-west", "storage", Map.of("size", "lots")), "spec.storage.size");
    assertRefused(
        Map.of("region", "eu-west", "limits", Map.of("maxEventBytes", 10)),
        "spec.limits.maxEventBytes");
    assertRefused(
        Map.of(
            "region",
            "eu-west",
            "webhooks",
            java.util.List.of(Map.of("name", "x", "url", "ftp://x"))),
        "spec.webhooks.url: Invalid value");
    assertRefused(
        Map.of("region", "eu-west", "durability", "sometimes"),
        "spec.durability: Unsupported value");
  }

  private void assertRefused(Map<String, Object> spec, String expected) {
    assertThatThrownBy(() -> dryRunCreate(spec))
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(
            e -> {
              assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422);
              assertThat(e.getMessage()).contains(expected);
            });
  }

  @Test
  void printerColumnsAreServed() throws Exception {
    var http = admin.getHttpClient();
    var request =
        http.newHttpRequestBuilder()
            .uri(admin.getMasterUrl() + "apis/tes.io/v1alpha1/tenants")
            .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io")
            .build();
    var response = http.sendAsync(request, String.class).get();
    assertThat(response.code()).isEqualTo(200);
    var columns = new ArrayList<String>();
    new ObjectMapper()
        .readTree(response.body())
        .get("columnDefinitions")
        .forEach(c -> columns.add(c.get("name").asText()));
    assertThat(columns).contains("Name", "Region", "Phase", "Ready", "Endpoint", "Age");
  }
}
