package io.tes.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalQuantityTest {
  // Expected values are what kube-apiserver stores for the same input (checked with kubectl).
  @ParameterizedTest
  @CsvSource({
    "1Gi, 1, 1Gi",
    "1024Mi, 1, 1Gi",
    "1536Mi, 1, 1536Mi",
    "512Mi, 2, 1Gi",
    "768Mi, 2, 1536Mi",
    "250m, 2, 500m",
    "500m, 2, 1",
    "1, 2, 2",
    "2000m, 1, 2",
    "1000, 1, 1k",
    "1G, 2, 2G",
    "100m, 2, 200m",
  })
  void matchesTheApiServersCanonicalForm(String input, int factor, String expected) {
    assertThat(CanonicalQuantity.times(input, factor)).isEqualTo(expected);
  }
}
