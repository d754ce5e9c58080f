package io.tes.dataplane.graphql.feed;

import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.log.StoredEvent;
import java.util.List;

/** New events that match a filter, in log order, from a starting position on. */
public final class EventFeed extends LogFeed<StoredEvent> {
  private static final int BATCH = 256;

  private final EventLog log;
  private final LogTail tail;
  private final EventLog.Filter filter;
  private long cursor;

  /**
   * @param after the position after which events are delivered
   */
  public EventFeed(EventLog log, LogTail tail, EventLog.Filter filter, long after) {
    this.log = log;
    this.tail = tail;
    this.filter = filter;
    this.cursor = after;
  }

  @Override
  protected List<StoredEvent> nextBatch() throws InterruptedException {
    while (true) {
      long head = tail.awaitBeyond(cursor);
      List<StoredEvent> batch = log.select(filter, cursor, Long.MAX_VALUE, false, BATCH);
      if (batch.size() == BATCH) {
        cursor = batch.getLast().position();
      } else {
        // Everything up to the head read before the query matched or did not: skip past it all.
        cursor = Math.max(head, batch.isEmpty() ? cursor : batch.getLast().position());
      }
      if (!batch.isEmpty()) {
        return batch;
      }
    }
  }
}
