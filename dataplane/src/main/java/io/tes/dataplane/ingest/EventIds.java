package io.tes.dataplane.ingest;

import io.tes.dataplane.cloudevents.CloudEvent;
import io.tes.dataplane.cloudevents.UuidV7;
import java.time.Clock;
import java.util.List;

/** Gives events without an id a UUIDv7, as the server may; the receipt tells the client which. */
public final class EventIds {
  private final Clock clock;

  public EventIds(Clock clock) {
    this.clock = clock;
  }

  public List<CloudEvent> assignMissing(List<CloudEvent> events) {
    if (events.stream().allMatch(e -> e.id() != null)) {
      return events;
    }
    long now = clock.millis();
    return events.stream()
        .map(e -> e.id() != null ? e : e.withId(UuidV7.next(now).toString()))
        .toList();
  }
}
