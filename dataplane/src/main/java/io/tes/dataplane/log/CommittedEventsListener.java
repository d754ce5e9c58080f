package io.tes.dataplane.log;

import java.util.List;

/**
 * Receives the events of each group commit, in log order, on the writer thread, right after the
 * commit: the outbox relay takes them from memory instead of reading them back from the database.
 * It must not block; it may be skipped (after a failed commit nothing is handed over), so a
 * consumer must still be able to read what it missed from the log.
 */
@FunctionalInterface
public interface CommittedEventsListener {
  void committed(List<StoredEvent> events);
}
