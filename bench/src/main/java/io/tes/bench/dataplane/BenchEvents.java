package io.tes.bench.dataplane;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events every scenario and baseline writes: 1 KB structured CloudEvents (envelope and data
 * together), each with a unique id (a repeat would be a dedupe hit, not a write) and a subject
 * among a fixed set of things, so streams grow as they do for real things.
 */
public final class BenchEvents {
  public static final int EVENT_BYTES = 1024;
  public static final String SOURCE = "/bench/load";
  public static final String TYPE = "io.tes.bench.reading";

  private final String runId;
  private final int things;
  private final AtomicLong sequence = new AtomicLong();

  /** One event's parts, for baselines that store them as columns. */
  public record Event(long seq, String id, String subject, String json, byte[] data) {}

  public BenchEvents(String runId, int things) {
    this.runId = runId;
    this.things = things;
  }

  public Event next() {
    long seq = sequence.incrementAndGet();
    String id = runId + "-" + seq;
    String subject = subject(seq);
    String head =
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"source\":\""
            + SOURCE
            + "\",\"type\":\""
            + TYPE
            + "\",\"subject\":\""
            + subject
            + "\",\"datacontenttype\":\"application/json\",\"data\":";
    String dataHead = "{\"seq\":" + seq + ",\"reading\":" + (seq % 997) + ",\"pad\":\"";
    String dataTail = "\"}";
    int pad = Math.max(0, EVENT_BYTES - head.length() - dataHead.length() - dataTail.length() - 1);
    String data = dataHead + "x".repeat(pad) + dataTail;
    return new Event(seq, id, subject, head + data + "}", data.getBytes(StandardCharsets.UTF_8));
  }

  public String subject(long seq) {
    return "thing-" + (seq % things);
  }

  /** One structured-mode body. */
  public byte[] single() {
    return next().json().getBytes(StandardCharsets.UTF_8);
  }

  /** One batch-mode body: a JSON array of {@code size} events. */
  public byte[] batch(int size) {
    var body = new StringBuilder(size * (EVENT_BYTES + 1) + 2).append('[');
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append(next().json());
    }
    return body.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }
}
