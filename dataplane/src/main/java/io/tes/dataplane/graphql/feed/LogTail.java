package io.tes.dataplane.graphql.feed;

import io.tes.dataplane.log.CommitListener;
import io.tes.dataplane.log.EventLog;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The head of the log, for live subscriptions. In the process that writes the log, the log's commit
 * listener moves it and wakes the waiters, so an idle subscription costs nothing. A worker beside
 * the ingest process cannot hear those commits; there a waiter looks at the log's head every 100 ms
 * while it waits.
 */
public final class LogTail implements CommitListener {
  private static final long POLL_NANOS = Duration.ofMillis(100).toNanos();

  private final EventLog log;
  private final boolean local;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition moved = lock.newCondition();
  private volatile long head;

  private LogTail(EventLog log, boolean local) {
    this.log = log;
    this.local = local;
    this.head = log.headPosition();
  }

  /** A tail moved by the commits of this process, which owns the log's writer. */
  public static LogTail listeningTo(EventLog log) {
    var tail = new LogTail(log, true);
    log.addCommitListener(tail);
    return tail;
  }

  /** A tail of a log another process writes. */
  public static LogTail polling(EventLog log) {
    return new LogTail(log, false);
  }

  @Override
  public void committed(long lastPosition, int events) {
    lock.lock();
    try {
      if (lastPosition > head) {
        head = lastPosition;
        moved.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The newest committed position known here. */
  public long head() {
    if (!local) {
      head = Math.max(head, log.headPosition());
    }
    return head;
  }

  /** Waits until the head is past a position; returns the head. */
  public long awaitBeyond(long position) throws InterruptedException {
    while (head() <= position) {
      lock.lockInterruptibly();
      try {
        if (head <= position) {
          if (local) {
            moved.await();
          } else {
            moved.awaitNanos(POLL_NANOS);
          }
        }
      } finally {
        lock.unlock();
      }
    }
    return head;
  }
}
