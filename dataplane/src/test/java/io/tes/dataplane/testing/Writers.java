package io.tes.dataplane.testing;

import static io.tes.dataplane.testing.Events.event;
import static io.tes.dataplane.testing.Events.json;

import io.tes.dataplane.testing.Http.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Clients that emit random thing events until stopped, and remember every acknowledgement, so a
 * test can compute the fold the projection must equal.
 */
public final class Writers implements AutoCloseable {
  /** An acknowledged event. */
  public record Ack(String subject, long version, long position, String type, JsonNode data) {}

  private final Supplier<Http> http;
  private final String key;
  private final RandomEvents generator;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong maxPosition = new AtomicLong();
  private final AtomicInteger failures = new AtomicInteger();
  private final Map<Long, Ack> acks = new ConcurrentHashMap<>();
  private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
  private final double poisonRate;

  public Writers(Supplier<Http> http, String key, long seed, int clients, double poisonRate) {
    this.http = http;
    this.key = key;
    this.generator = new RandomEvents(seed, 30);
    this.poisonRate = poisonRate;
    for (int c = 0; c < clients; c++) {
      pool.submit(this::write);
    }
  }

  private Void write() {
    var random = new java.util.Random();
    while (!stop.get()) {
      var g = generator.next();
      var e = event(null, g.type(), g.subject());
      JsonNode data = g.data();
      if (data != null && random.nextDouble() < poisonRate) {
        ((tools.jackson.databind.node.ObjectNode) data).put("poison", true);
      }
      if (data != null) {
        e.set("data", data);
      }
      Reply reply;
      try {
        reply = http.get().post("/v1/events", key, "application/cloudevents+json", json(e));
      } catch (RuntimeException connectionLost) {
        failures.incrementAndGet();
        sleep();
        continue;
      }
      if (reply.status() != 201) {
        failures.incrementAndGet();
        sleep();
        continue;
      }
      JsonNode r = reply.json().path("events").get(0);
      long position = r.path("position").asLong();
      acks.put(
          position,
          new Ack(g.subject(), r.path("streamVersion").asLong(), position, g.type(), data));
      maxPosition.accumulateAndGet(position, Math::max);
    }
    return null;
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public long maxPosition() {
    return maxPosition.get();
  }

  public int failures() {
    return failures.get();
  }

  public Map<Long, Ack> acks() {
    return Map.copyOf(acks);
  }

  /** Stops the clients and waits for them. */
  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    pool.shutdown();
    pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** The fold of every acknowledged event, per subject in stream-version order. */
  public Fold fold() {
    var fold = new Fold();
    List<Ack> ordered = new ArrayList<>(acks.values());
    ordered.sort(Comparator.comparing(Ack::subject).thenComparingLong(Ack::version));
    for (Ack ack : ordered) {
      switch (ack.type()) {
        case "thing.deleted" -> fold.delete(ack.subject());
        case "thing.replaced" -> fold.replace(ack.subject(), ack.data());
        default -> fold.merge(ack.subject(), ack.data());
      }
    }
    return fold;
  }
}
