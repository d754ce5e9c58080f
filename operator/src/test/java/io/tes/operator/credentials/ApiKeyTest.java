package io.tes.operator.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
  @Test
  void generatedKeysHaveTheContractFormatAndDiffer() {
    var random = new SecureRandom();
    var seen = new HashSet<String>();
    for (int i = 0; i < 100; i++) {
      var key = ApiKey.generate("acme-1", random);
      assertThat(key.value()).matches("^tes_acme-1_[A-Za-z0-9_-]{43}$");
      seen.add(key.value());
    }
    assertThat(seen).hasSize(100);
  }

  @Test
  void hashIsSha256OfTheWholeKeyInLowercaseHex() {
    // sha256("tes_acme_" + 43 x 'A'), computed independently with sha256sum.
    var key = new ApiKey("tes_acme_" + "A".repeat(43));
    assertThat(key.hash())
        .isEqualTo("sha256:3f6afff6d0a7a248f524ca97ac479e23424d3bbe66a71d77f1266303c394707b");
  }

  @Test
  void refusesMalformedKeys() {
    assertThatThrownBy(() -> new ApiKey("tes_acme_short"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ApiKey("TES_acme_" + "A".repeat(43)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverPrintsItself() {
    assertThat(new ApiKey("tes_acme_" + "A".repeat(43)).toString()).doesNotContain("AAAA");
  }
}
