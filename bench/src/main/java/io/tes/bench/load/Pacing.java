package io.tes.bench.load;

/** How requests are sent: at a fixed arrival rate, or as fast as a fixed set of clients can. */
public sealed interface Pacing {

  /** A short label for tables, e.g. {@code 1000/s} or {@code 64 clients}. */
  String label();

  /**
   * Open loop: request i is due at start + i / rate, whether or not earlier ones have answered.
   * Latency is measured from that intended time, so a stalled server is charged for every request
   * it delayed (coordinated omission corrected). {@code connections} bounds the requests in flight.
   */
  record OpenLoop(double ratePerSecond, int connections) implements Pacing {
    @Override
    public String label() {
      return String.format(java.util.Locale.ROOT, "%.0f/s", ratePerSecond);
    }
  }

  /** Closed loop: each client sends its next request as soon as the previous one answered. */
  record ClosedLoop(int clients) implements Pacing {
    @Override
    public String label() {
      return clients + (clients == 1 ? " client" : " clients");
    }
  }
}
