package io.tes.dataplane.processor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * How far a processor has come, for reads that wait for their own writes. In the process that runs
 * the processor, waiters are woken at each commit; elsewhere (an ingest process beside a worker)
 * the checkpoint is polled from the database while someone waits.
 */
public final class Progress {
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final LongSupplier stored;
  private final boolean local;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition advanced = lock.newCondition();
  private volatile long applied;

  private Progress(LongSupplier stored, boolean local) {
    this.stored = stored;
    this.local = local;
    this.applied = stored.getAsLong();
  }

  /** Progress of a processor running in this process. */
  public static Progress local(LongSupplier stored) {
    return new Progress(stored, true);
  }

  /** Progress of a processor running in another process on the same database. */
  public static Progress remote(LongSupplier stored) {
    return new Progress(stored, false);
  }

  void advance(long position) {
    lock.lock();
    try {
      if (position > applied) {
        applied = position;
        advanced.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  public long applied() {
    if (!local) {
      applied = Math.max(applied, stored.getAsLong());
    }
    return applied;
  }

  /** Waits until the position is applied or the timeout passes; says which happened. */
  public boolean awaitApplied(long position, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (applied() < position) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      lock.lock();
      try {
        if (applied < position) {
          advanced.awaitNanos(local ? left : Math.min(left, POLL_NANOS));
        }
      } finally {
        lock.unlock();
      }
    }
    return true;
  }
}
