package io.tes.dataplane.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThingCacheTest {
  private static Thing thing(String id, long version) {
    return new Thing(id, version, null, false, Instant.EPOCH, Instant.EPOCH, "t", version);
  }

  @Test
  void writesBecomeVisibleToOthersOnlyAfterCommitAndVanishOnRollback() {
    var cache = new ThingCache(10);
    cache.loaded(thing("a", 1));
    cache.written(thing("a", 2));
    assertThat(cache.get("a").version()).as("the writer sees its own write").isEqualTo(2);

    cache.rolledBack();
    assertThat(cache.get("a").version()).isEqualTo(1);

    cache.written(thing("a", 3));
    cache.committed();
    cache.rolledBack();
    assertThat(cache.get("a").version()).isEqualTo(3);
  }

  @Test
  void itIsBoundedAndCanBeCleared() {
    var cache = new ThingCache(2);
    cache.loaded(thing("a", 1));
    cache.loaded(thing("b", 1));
    cache.loaded(thing("c", 1));
    assertThat(cache.get("a")).isNull();
    cache.clear();
    assertThat(cache.get("c")).isNull();
  }
}
