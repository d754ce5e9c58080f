package io.tes.bench.baseline;

import io.nats.client.JetStream;
import io.tes.bench.dataplane.BenchEvents;
import io.tes.bench.load.LatencySummary;
import io.tes.bench.load.LoadGenerator;
import io.tes.bench.load.LoadResult;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * One thread publishing asynchronously with at most {@code window} acks outstanding, as a
 * throughput-minded JetStream producer is written. Latency is publish to ack of each message.
 */
final class AsyncPublisher {
  private final JetStream jetStream;
  private final int window;

  AsyncPublisher(JetStream jetStream, int window) {
    this.jetStream = jetStream;
    this.window = window;
  }

  LoadResult run(
      BenchEvents events, Duration warmup, Duration duration, LoadGenerator.Observer observer)
      throws InterruptedException {
    if (!warmup.isZero()) {
      phase(events, warmup);
    }
    observer.measuring();
    Outcome measured = phase(events, duration);
    observer.measured();
    return new LoadResult(
        "1 publisher, " + window + " in flight",
        0,
        window,
        measured.seconds,
        measured.ok,
        measured.errors,
        0,
        measured.ok / measured.seconds,
        LatencySummary.ofNanos(measured.latency),
        measured.firstError);
  }

  private record Outcome(
      double seconds, long ok, long errors, ConcurrentHistogram latency, String firstError) {}

  private Outcome phase(BenchEvents events, Duration duration) throws InterruptedException {
    var permits = new Semaphore(window);
    var latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    var ok = new LongAdder();
    var errors = new LongAdder();
    var firstError = new AtomicReference<String>();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    while (System.nanoTime() < end) {
      permits.acquire();
      long sent = System.nanoTime();
      jetStream
          .publishAsync(JetStreamBaseline.subject(), JetStreamBaseline.bytes(events))
          .whenComplete(
              (ack, error) -> {
                if (error == null) {
                  latency.recordValue(
                      Math.min(System.nanoTime() - sent, latency.getHighestTrackableValue()));
                  ok.increment();
                } else {
                  errors.increment();
                  firstError.compareAndSet(null, error.toString());
                }
                permits.release();
              });
    }
    permits.acquire(window);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Outcome(seconds, ok.sum(), errors.sum(), latency, firstError.get());
  }
}
