package io.tes.dataplane.graphql.feed;

import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.log.StoredEvent;
import io.tes.dataplane.projection.Projector;
import io.tes.dataplane.projection.Thing;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes of one thing from a position on: its stream is folded from the log up to there, and
 * then along each new event with the projector's reducers, so every event yields exactly the state
 * the projection will hold after it, in stream order, whether or not the projector has got there
 * yet.
 */
public final class ThingFeed extends LogFeed<ThingChange> {
  private static final int BATCH = 256;

  private final EventLog log;
  private final LogTail tail;
  private final Projector projector;
  private final String subject;
  private long cursor;
  private Thing thing;
  private long version;
  private boolean started;

  public ThingFeed(EventLog log, LogTail tail, Projector projector, String subject, long after) {
    this.log = log;
    this.tail = tail;
    this.projector = projector;
    this.subject = subject;
    this.cursor = after;
  }

  @Override
  protected List<ThingChange> nextBatch() throws InterruptedException {
    if (!started) {
      started = true;
      thing = projector.foldFromLog(subject, cursor);
      version = thing == null ? 0 : thing.version();
    }
    while (true) {
      long head = tail.awaitBeyond(cursor);
      List<StoredEvent> events = log.readStream(subject, version, BATCH);
      if (events.size() < BATCH) {
        cursor = head;
      }
      if (!events.isEmpty()) {
        var changes = new ArrayList<ThingChange>(events.size());
        for (StoredEvent event : events) {
          thing = projector.foldNext(thing, event);
          version = event.streamVersion();
          changes.add(new ThingChange(thing, event));
        }
        return changes;
      }
    }
  }
}
