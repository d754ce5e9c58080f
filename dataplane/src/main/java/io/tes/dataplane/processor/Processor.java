package io.tes.dataplane.processor;

import io.tes.dataplane.log.StoredEvent;
import java.sql.Connection;

/**
 * One consumer of the tenant's events, such as the projector. The runner hands it events in log
 * order and commits its effects together with its checkpoint, so each event takes effect exactly
 * once even when JetStream delivers it twice. Effects outside {@code state} (an HTTP call) must be
 * recorded here first and carried out by a sender of their own.
 */
public interface Processor {
  /** A stable name: the durable consumer, the checkpoint and the dead letters are keyed by it. */
  String name();

  /**
   * Applies one event inside the runner's open transaction.
   *
   * @throws Exception when the event cannot be applied; the runner retries it, then records it as a
   *     dead letter. SQLExceptions are taken as the database failing, not the event, and are
   *     retried until they pass.
   */
  void apply(StoredEvent event, Connection state) throws Exception;

  /**
   * Applies a dead-lettered event again on an operator's request, possibly long after later events.
   * By default the same as {@link #apply}.
   */
  default void retry(StoredEvent event, Connection state) throws Exception {
    apply(event, state);
  }

  /** The transaction {@link #apply} wrote into has committed (a processor may cache it now). */
  default void committed() {}

  /** The transaction {@link #apply} wrote into was rolled back: forget it in memory too. */
  default void rolledBack() {}
}
