package io.tes.dataplane.nats;

/**
 * Exponential back-off for a loop that retries against NATS or the database: each failure waits
 * twice as long as the last, up to a ceiling; a success starts over. Owned by one thread.
 */
public final class Backoff {
  private final long firstMillis;
  private final long maxMillis;
  private long nextMillis;

  public Backoff(long firstMillis, long maxMillis) {
    this.firstMillis = firstMillis;
    this.maxMillis = maxMillis;
    this.nextMillis = firstMillis;
  }

  /** The wait the next failure will cost, for log messages. */
  public long nextMillis() {
    return nextMillis;
  }

  /** Sleeps after a failure; an interrupt ends the sleep and stays set for the loop to see. */
  public void pause() {
    try {
      Thread.sleep(nextMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    nextMillis = Math.min(maxMillis, nextMillis * 2);
  }

  public void reset() {
    nextMillis = firstMillis;
  }
}
