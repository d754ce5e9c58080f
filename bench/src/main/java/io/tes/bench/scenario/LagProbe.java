package io.tes.bench.scenario;

import io.tes.bench.dataplane.IngestClient;
import io.tes.bench.http.HttpAnswer;
import io.tes.bench.http.HttpConnection;
import io.tes.bench.http.Transport;
import io.tes.bench.load.LatencySummary;
import io.tes.bench.load.LoadGenerator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Measures, from outside, how long after its receipt an event becomes readable in the projection:
 * for a sample of receipts it asks {@code GET /v1/things/{subject}?position=P}, which answers once
 * the projection has applied P. The time from receipt to that answer bounds commit-to-applied lag
 * from above (it adds one local round trip).
 */
final class LagProbe implements IngestClient.ReceiptListener, LoadGenerator.Observer {
  private static final int CONNECTIONS = 16;

  private final int every;
  private final Watch watch;
  private final BlockingQueue<HttpConnection> pool = new ArrayBlockingQueue<>(CONNECTIONS);
  private final ConcurrentHistogram lag = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
  private final AtomicLong receipts = new AtomicLong();
  private final LongAdder errors = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  private final ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
  private final List<HttpConnection> opened = new ArrayList<>();
  private volatile boolean measuring;
  private volatile String firstError;

  /** Probes one receipt in {@code every}, so probing stays a small fraction of the load. */
  LagProbe(TesTarget target, int every, Watch watch) throws IOException {
    this.every = every;
    this.watch = watch;
    for (int i = 0; i < CONNECTIONS; i++) {
      HttpConnection c = target.connect(Transport.RAW);
      opened.add(c);
      pool.add(c);
    }
  }

  @Override
  public void stored(String subject, long position) {
    if (!measuring || receipts.incrementAndGet() % every != 0) {
      return;
    }
    long received = System.nanoTime();
    HttpConnection c = pool.poll();
    if (c == null) {
      skipped.increment();
      return;
    }
    probes.execute(() -> probe(c, subject, position, received));
  }

  private void probe(HttpConnection c, String subject, long position, long received) {
    try {
      HttpAnswer answer =
          c.get(
              "/v1/things/"
                  + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                  + "?position="
                  + position);
      if (answer.status() == 200) {
        lag.recordValue(Math.min(System.nanoTime() - received, lag.getHighestTrackableValue()));
      } else {
        fail("HTTP " + answer.status() + ": " + answer.text());
      }
    } catch (IOException e) {
      fail(e.getMessage());
    } finally {
      pool.add(c);
    }
  }

  private void fail(String message) {
    errors.increment();
    if (firstError == null) {
      firstError = message;
    }
  }

  @Override
  public void measuring() {
    watch.measuring();
    measuring = true;
  }

  @Override
  public void measured() {
    measuring = false;
    probes.shutdown();
    try {
      probes.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    watch.measured();
    opened.forEach(HttpConnection::close);
  }

  LatencySummary summary() {
    return LatencySummary.ofNanos(lag);
  }

  long errors() {
    return errors.sum();
  }

  long skipped() {
    return skipped.sum();
  }

  String firstError() {
    return firstError;
  }

  Watch watch() {
    return watch;
  }
}
