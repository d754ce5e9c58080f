package io.tes.dataplane.log;

/**
 * Told after each group commit, on the writer thread: keep it short and never block (wake a relay,
 * signal a subscription).
 */
@FunctionalInterface
public interface CommitListener {
  /**
   * @param lastPosition the highest position now committed
   * @param events how many new events the group stored
   */
  void committed(long lastPosition, int events);
}
