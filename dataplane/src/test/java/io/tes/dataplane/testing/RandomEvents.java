package io.tes.dataplane.testing;

import io.tes.dataplane.http.Json;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Random merge, replace and delete events over a few subjects, with nested data and nulls. */
public final class RandomEvents {
  private static final List<String> KEYS = List.of("a", "b", "c", "price", "tags", "nested");

  private final Random random;
  private final int subjects;

  /** One generated event. */
  public record Generated(String subject, String type, JsonNode data) {}

  public RandomEvents(long seed, int subjects) {
    this.random = new Random(seed);
    this.subjects = subjects;
  }

  public synchronized Generated next() {
    String subject = "thing-" + random.nextInt(subjects);
    int dice = random.nextInt(10);
    if (dice == 0) {
      return new Generated(subject, "thing.deleted", null);
    }
    if (dice <= 2) {
      return new Generated(subject, "thing.replaced", object(2));
    }
    return new Generated(subject, "thing.updated", object(2));
  }

  private ObjectNode object(int depth) {
    ObjectNode node = Json.mapper().createObjectNode();
    int members = 1 + random.nextInt(3);
    for (int i = 0; i < members; i++) {
      String key = KEYS.get(random.nextInt(KEYS.size()));
      switch (random.nextInt(depth > 0 ? 6 : 5)) {
        case 0 -> node.putNull(key);
        case 1 -> node.put(key, random.nextInt(1000));
        case 2 -> node.put(key, "v" + random.nextInt(50));
        case 3 -> node.put(key, random.nextBoolean());
        case 4 -> node.putArray(key).add(random.nextInt(9)).add("x");
        default -> node.set(key, object(depth - 1));
      }
    }
    return node;
  }
}
