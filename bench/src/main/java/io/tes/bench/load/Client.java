package io.tes.bench.load;

/**
 * One simulated client with its own connection. The load generator gives each worker its own
 * client, so a client need not be thread-safe.
 */
public interface Client extends AutoCloseable {

  /** Sends one request and waits for its answer; throws when the answer is not a success. */
  void call() throws Exception;

  @Override
  default void close() throws Exception {}

  /** Opens clients; called once per worker before the warm-up. */
  @FunctionalInterface
  interface Factory {
    Client open() throws Exception;
  }
}
