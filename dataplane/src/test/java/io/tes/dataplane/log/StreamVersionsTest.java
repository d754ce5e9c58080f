package io.tes.dataplane.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamVersionsTest {
  private final Map<String, Long> database = new HashMap<>(Map.of("stored", 7L));
  private final StreamVersions versions =
      new StreamVersions(2, subject -> database.getOrDefault(subject, 0L));

  @Test
  void aRolledBackRequestTakesItsVersionsBack() throws Exception {
    versions.advance("a", versions.current("a") + 1);
    int mark = versions.mark();
    versions.advance("a", versions.current("a") + 1);
    versions.advance("b", versions.current("b") + 1);

    versions.rollbackTo(mark);

    assertThat(versions.current("a")).isEqualTo(1);
    assertThat(versions.current("b")).isZero();
    assertThat(versions.pending()).containsExactly(Map.entry("a", 1L));
  }

  @Test
  void committedVersionsAreServedFromTheCacheAndAbandonedOnesForgotten() throws Exception {
    assertThat(versions.current("stored")).isEqualTo(7);
    versions.advance("stored", 8);
    versions.committed();
    database.put("stored", 99L);
    assertThat(versions.current("stored")).as("the cache, not the database").isEqualTo(8);

    versions.advance("stored", 9);
    versions.abandoned();
    assertThat(versions.current("stored")).isEqualTo(8);
    assertThat(versions.pending()).isEmpty();
  }

  @Test
  void theCacheIsBoundedAndFallsBackToTheDatabase() throws Exception {
    versions.current("x");
    versions.current("y");
    versions.current("stored");
    database.put("x", 5L);
    assertThat(versions.current("x")).as("evicted, read again").isEqualTo(5);
  }
}
