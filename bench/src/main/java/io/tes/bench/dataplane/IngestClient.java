package io.tes.bench.dataplane;

import io.tes.bench.http.HttpAnswer;
import io.tes.bench.http.HttpConnection;
import io.tes.bench.load.Client;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Posts events to {@code /v1/events}: one structured event per call, or a batch. A call succeeds
 * only on 201 (stored); anything else, including a 200 duplicate, is an error of the run.
 */
public final class IngestClient implements Client {
  public static final String STRUCTURED = "application/cloudevents+json";
  public static final String BATCH = "application/cloudevents-batch+json";

  private final HttpConnection connection;
  private final BenchEvents events;
  private final int batchSize;
  private final ReceiptListener receipts;

  /** Told of each stored request: the subject and position of its last event. */
  @FunctionalInterface
  public interface ReceiptListener {
    void stored(String subject, long position);
  }

  /**
   * @param batchSize 1 for structured mode, more for batch mode
   * @param receipts told of each stored request (for projection probes); may be null
   */
  public IngestClient(
      HttpConnection connection, BenchEvents events, int batchSize, ReceiptListener receipts) {
    this.connection = connection;
    this.events = events;
    this.batchSize = batchSize;
    this.receipts = receipts;
  }

  @Override
  public void call() throws IOException {
    HttpAnswer answer;
    String subject = null;
    if (batchSize == 1) {
      BenchEvents.Event event = events.next();
      subject = event.subject();
      answer =
          connection.post("/v1/events", STRUCTURED, event.json().getBytes(StandardCharsets.UTF_8));
    } else {
      answer = connection.post("/v1/events", BATCH, events.batch(batchSize));
    }
    if (answer.status() != 201) {
      String text = answer.text();
      throw new IOException(
          "HTTP " + answer.status() + ": " + text.substring(0, Math.min(200, text.length())));
    }
    if (receipts != null && subject != null) {
      receipts.stored(subject, lastPosition(answer.text()));
    }
  }

  /** The position of the last receipt, found without a JSON parser: this runs per request. */
  public static long lastPosition(String receipts) {
    int at = receipts.lastIndexOf("\"position\":");
    if (at < 0) {
      return -1;
    }
    int i = at + "\"position\":".length();
    while (i < receipts.length() && receipts.charAt(i) == ' ') {
      i++;
    }
    long value = 0;
    while (i < receipts.length() && Character.isDigit(receipts.charAt(i))) {
      value = value * 10 + (receipts.charAt(i++) - '0');
    }
    return value;
  }

  @Override
  public void close() {
    connection.close();
  }
}
