package io.tes.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.tes.operator.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CRD is generated from the Java model in every build; the committed copies (crds/ and the
 * chart's crds/) must be exactly that. Refresh them with {@code ./mvnw -pl operator -am
 * -Pupdate-crds process-classes}.
 */
class CrdUpToDateTest {
  private static final String FILE = "tenants.tes.io-v1.yml";
  private static final String HOW = "; run ./mvnw -pl operator -am -Pupdate-crds process-classes";

  private static String generated() throws Exception {
    return Files.readString(Path.of("target/classes/META-INF/fabric8", FILE));
  }

  @Test
  void committedCrdMatchesTheModel() throws Exception {
    assertThat(Files.readString(Repo.path("crds/" + FILE)))
        .as("crds/" + FILE + " is out of date" + HOW)
        .isEqualTo(generated());
  }

  @Test
  void chartCrdMatchesTheModel() throws Exception {
    assertThat(Files.readString(Repo.path("charts/tes-operator/crds/" + FILE)))
        .as("charts/tes-operator/crds/" + FILE + " is out of date" + HOW)
        .isEqualTo(generated());
  }

  @Test
  void crdHasValidationStatusAndColumns() throws Exception {
    var crd = new KubernetesSerialization().unmarshal(generated(), CustomResourceDefinition.class);
    assertThat(crd.getSpec().getScope()).isEqualTo("Cluster");
    var version = crd.getSpec().getVersions().get(0);
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(c -> c.getName())
        .contains("Region", "Phase", "Ready", "Endpoint", "Age");
    var spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    assertThat(spec.getRequired()).containsExactly("region");
    assertThat(spec.getXKubernetesValidations()).isNotEmpty();
    assertThat(spec.getProperties().get("storage").getProperties().get("deletionPolicy").getEnum())
        .hasSize(2);
  }
}
