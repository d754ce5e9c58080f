package io.tes.dataplane.relay;

import io.tes.dataplane.log.StoredEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Committed events handed over by the log writer, so the relay need not read back what was just
 * written. Bounded: when the relay falls behind (NATS away), the oldest events are dropped and the
 * relay reads them from the log instead, which stays the source of truth.
 */
final class Handoff {
  private final int capacity;
  private final ArrayDeque<StoredEvent> events = new ArrayDeque<>();

  Handoff(int capacity) {
    this.capacity = capacity;
  }

  synchronized void offer(List<StoredEvent> committed) {
    events.addAll(committed);
    while (events.size() > capacity) {
      events.pollFirst();
    }
  }

  /**
   * Up to {@code max} events right after {@code position}, in order; empty when the hand-off does
   * not hold the next one (then the caller reads the log).
   */
  synchronized List<StoredEvent> after(long position, int max) {
    while (!events.isEmpty() && events.peekFirst().position() <= position) {
      events.pollFirst();
    }
    var batch = new ArrayList<StoredEvent>(Math.min(max, events.size()));
    long expected = position + 1;
    for (StoredEvent event : events) {
      if (batch.size() == max || event.position() != expected) {
        break;
      }
      batch.add(event);
      expected++;
    }
    return batch;
  }
}
