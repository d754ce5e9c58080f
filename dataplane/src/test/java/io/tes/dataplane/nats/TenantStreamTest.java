package io.tes.dataplane.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.config.StreamSettings;
import org.junit.jupiter.api.Test;

class TenantStreamTest {
  private final TenantStream stream = new TenantStream("acme-1", StreamSettings.DEFAULT);

  @Test
  void namesFollowTheTenant() {
    assertThat(stream.name()).isEqualTo("TES_ACME_1");
    assertThat(stream.subjects()).isEqualTo("tes.acme-1.events.>");
  }

  @Test
  void eventTypesBecomeValidSubjectTokens() {
    assertThat(stream.subjectFor("com.example.order.created"))
        .isEqualTo("tes.acme-1.events.com.example.order.created");
    assertThat(stream.subjectFor("a b*c>d€")).isEqualTo("tes.acme-1.events.a_b_c_d_");
    assertThat(stream.subjectFor(".lead..double.trail."))
        .isEqualTo("tes.acme-1.events.lead.double.trail");
    assertThat(stream.subjectFor("...")).isEqualTo("tes.acme-1.events._");
    assertThat(stream.subjectFor("")).isEqualTo("tes.acme-1.events._");
  }
}
