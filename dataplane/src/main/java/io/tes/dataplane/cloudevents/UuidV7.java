package io.tes.dataplane.cloudevents;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** RFC 9562 version 7 UUIDs: time-ordered ids for events whose producer sent none. */
public final class UuidV7 {
  private UuidV7() {}

  public static UUID next(long epochMillis) {
    var random = ThreadLocalRandom.current();
    long high = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
