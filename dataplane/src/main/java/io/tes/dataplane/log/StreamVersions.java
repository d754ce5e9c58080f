package io.tes.dataplane.log;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current version of each subject's stream, as the single writer knows it: versions it has
 * committed (a bounded cache, since it is the only writer) and versions of the transaction in
 * progress, with an undo log so a refused request's savepoint can take its versions back. The
 * {@code streams} table is written once per subject per group, not once per event.
 */
final class StreamVersions {
  /** Reads a committed version from the database when the cache does not hold it. */
  @FunctionalInterface
  interface Lookup {
    long version(String subject) throws SQLException;
  }

  private record Undo(String subject, Long previous) {}

  private final Map<String, Long> committed;
  private final Map<String, Long> pending = new HashMap<>();
  private final List<Undo> undo = new ArrayList<>();
  private final Lookup lookup;

  StreamVersions(int capacity, Lookup lookup) {
    this.lookup = lookup;
    this.committed =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > capacity;
          }
        };
  }

  long current(String subject) throws SQLException {
    Long version = pending.get(subject);
    if (version == null) {
      version = committed.get(subject);
    }
    if (version == null) {
      version = lookup.version(subject);
      committed.put(subject, version);
    }
    return version;
  }

  void advance(String subject, long version) {
    undo.add(new Undo(subject, pending.put(subject, version)));
  }

  /** A point to roll back to: the size of the undo log. */
  int mark() {
    return undo.size();
  }

  void rollbackTo(int mark) {
    for (int i = undo.size() - 1; i >= mark; i--) {
      Undo entry = undo.remove(i);
      if (entry.previous() == null) {
        pending.remove(entry.subject());
      } else {
        pending.put(entry.subject(), entry.previous());
      }
    }
  }

  /** The versions the transaction in progress changed, to persist before it commits. */
  Map<String, Long> pending() {
    return pending;
  }

  /** The transaction committed: its versions are now the committed ones. */
  void committed() {
    committed.putAll(pending);
    pending.clear();
    undo.clear();
  }

  /** The transaction was rolled back: forget what it did. */
  void abandoned() {
    pending.clear();
    undo.clear();
  }
}
