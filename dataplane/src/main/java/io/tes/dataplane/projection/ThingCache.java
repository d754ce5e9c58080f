package io.tes.dataplane.projection;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The things the projector touched lately, so folding an event does not read and parse the thing's
 * state back from the database: the projector is the table's only writer. What a transaction wrote
 * is kept apart until it commits, and dropped if it rolls back.
 */
final class ThingCache {
  private final Map<String, Thing> committed;
  private final Map<String, Thing> written = new HashMap<>();

  ThingCache(int capacity) {
    this.committed =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Thing> eldest) {
            return size() > capacity;
          }
        };
  }

  Thing get(String id) {
    Thing thing = written.get(id);
    return thing != null ? thing : committed.get(id);
  }

  void loaded(Thing thing) {
    committed.put(thing.id(), thing);
  }

  void written(Thing thing) {
    written.put(thing.id(), thing);
  }

  void committed() {
    committed.putAll(written);
    written.clear();
  }

  void rolledBack() {
    written.clear();
  }

  void clear() {
    committed.clear();
    written.clear();
  }
}
