package io.tes.bench.load;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/** The state of one phase (warm-up or measured) shared by its workers. */
final class Phase {
  private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final long ERROR_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final Pacing pacing;
  private final long durationNanos;
  private final AtomicLong tickets = new AtomicLong();
  private final LongAdder calls = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private final ConcurrentLinkedQueue<Histogram> histograms = new ConcurrentLinkedQueue<>();
  private long start;
  private long end;

  Phase(Pacing pacing, long durationNanos) {
    this.pacing = pacing;
    this.durationNanos = durationNanos;
  }

  void begin() {
    // A little head room, so the first due times do not lie in the past while workers start.
    start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
  }

  void finish() {
    end = System.nanoTime();
  }

  void work(Client client) {
    var histogram = new Histogram(MAX_LATENCY_NANOS, 3);
    histograms.add(histogram);
    switch (pacing) {
      case Pacing.OpenLoop open -> openLoop(client, open, histogram);
      case Pacing.ClosedLoop closed -> closedLoop(client, histogram);
    }
  }

  private void openLoop(Client client, Pacing.OpenLoop open, Histogram histogram) {
    double periodNanos = 1e9 / open.ratePerSecond();
    long total = (long) (open.ratePerSecond() * durationNanos / 1e9);
    // Late requests are still sent (and charged from their due time) for a grace period; past it
    // the system is so far behind that waiting longer would only stretch the run.
    long stopSending = start + durationNanos + Math.max(durationNanos / 2, 1_000_000_000L);
    long ticket;
    while ((ticket = tickets.getAndIncrement()) < total) {
      long due = start + (long) (ticket * periodNanos);
      waitUntil(due);
      if (System.nanoTime() > stopSending) {
        dropped.increment();
        continue;
      }
      if (call(client)) {
        record(histogram, System.nanoTime() - due);
      }
    }
  }

  private void closedLoop(Client client, Histogram histogram) {
    long stop = start + durationNanos;
    waitUntil(start);
    long sent;
    while ((sent = System.nanoTime()) < stop) {
      if (call(client)) {
        record(histogram, System.nanoTime() - sent);
      } else {
        LockSupport.parkNanos(ERROR_BACKOFF_NANOS);
      }
    }
  }

  private boolean call(Client client) {
    try {
      client.call();
      calls.increment();
      return true;
    } catch (Exception e) {
      errors.increment();
      firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
      return false;
    }
  }

  private static void record(Histogram histogram, long nanos) {
    histogram.recordValue(Math.max(0, Math.min(nanos, MAX_LATENCY_NANOS)));
  }

  private static void waitUntil(long due) {
    long left;
    while ((left = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  LoadResult result(int itemsPerCall) {
    var all = new Histogram(MAX_LATENCY_NANOS, 3);
    histograms.forEach(all::add);
    double seconds = Math.max(end - start, 1) / 1e9;
    long ok = calls.sum();
    return switch (pacing) {
      case Pacing.OpenLoop open ->
          new LoadResult(
              pacing.label(),
              open.ratePerSecond() * itemsPerCall,
              open.connections(),
              seconds,
              ok,
              errors.sum(),
              dropped.sum(),
              ok * itemsPerCall / seconds,
              LatencySummary.ofNanos(all),
              firstError.get());
      case Pacing.ClosedLoop closed ->
          new LoadResult(
              pacing.label(),
              0,
              closed.clients(),
              seconds,
              ok,
              errors.sum(),
              0,
              ok * itemsPerCall / seconds,
              LatencySummary.ofNanos(all),
              firstError.get());
    };
  }
}
