package io.tes.dataplane.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {
  @Test
  void encodesWhatTheBindingRequiresAndNothingElse() {
    assertThat(PercentEncoding.encode("a b\"c%d")).isEqualTo("a%20b%22c%25d");
    assertThat(PercentEncoding.encode("€")).isEqualTo("%E2%82%AC");
    assertThat(PercentEncoding.encode("/orders/42?x=y")).isEqualTo("/orders/42?x=y");
  }

  @Test
  void decodingInvertsEncoding() {
    for (String value : new String[] {"plain", "spa ce", "ünï €ode 🚀", "100%", "\"quoted\""}) {
      assertThat(PercentEncoding.decode("ce-x", PercentEncoding.encode(value))).isEqualTo(value);
    }
  }

  @Test
  void malformedSequencesAreRefused() {
    assertThatThrownBy(() -> PercentEncoding.decode("ce-subject", "50%"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("ce-subject");
    assertThatThrownBy(() -> PercentEncoding.decode("ce-subject", "%G1"))
        .isInstanceOf(InvalidEventException.class);
    assertThatThrownBy(() -> PercentEncoding.decode("ce-subject", "%C3%28"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("UTF-8");
  }
}
