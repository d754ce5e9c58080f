package io.tes.dataplane.projection;

import io.tes.dataplane.http.ProblemType;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.log.StoredEvent;
import io.tes.dataplane.processor.ProcessorRunner;
import io.tes.dataplane.processor.StateSchema;
import io.tes.dataplane.processor.StateStore;
import io.tes.dataplane.sqlite.Sqlite;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds the things from the log while ingest and the projector go on: folds every event into a
 * table aside, then, with the projector paused for a moment, folds what it applied meanwhile and
 * swaps the tables in one transaction.
 */
public final class ProjectionRebuild {
  private static final System.Logger LOG = System.getLogger(ProjectionRebuild.class.getName());
  private static final String ASIDE = "things_rebuild";
  private static final int CHUNK = 1000;

  private final EventLog log;
  private final StateStore state;
  private final ProcessorRunner runner;
  private final Projector projector;
  private final Clock clock;
  private final AtomicLong ids = new AtomicLong();
  private volatile Job current;

  /**
   * A rebuild's progress.
   *
   * @param id sequence number of the rebuild
   * @param status running, succeeded or failed
   * @param startedAt when it started
   * @param finishedAt when it ended, or null
   * @param eventsFolded events folded so far
   * @param error why it failed, or null
   */
  public record Job(
      long id,
      String status,
      Instant startedAt,
      Instant finishedAt,
      long eventsFolded,
      String error) {}

  public ProjectionRebuild(
      EventLog log, StateStore state, ProcessorRunner runner, Projector projector, Clock clock) {
    this.log = log;
    this.state = state;
    this.runner = runner;
    this.projector = projector;
    this.clock = clock;
  }

  /** Starts a rebuild in the background. */
  public synchronized Job start() {
    if (current != null && current.status().equals("running")) {
      throw ProblemType.REBUILD_RUNNING
          .problem("Rebuild " + current.id() + " is still running.")
          .with("rebuild", current.id())
          .toException();
    }
    current = new Job(ids.incrementAndGet(), "running", clock.instant(), null, 0, null);
    long id = current.id();
    Thread.ofVirtual().name("tes-rebuild-" + id).start(() -> run(id));
    return current;
  }

  public Job current() {
    return current;
  }

  private void run(long id) {
    var folded = new AtomicLong();
    try (Connection aside = state.openWriter()) {
      Sqlite.begin(aside);
      try (Statement st = aside.createStatement()) {
        st.execute("DROP TABLE IF EXISTS " + ASIDE);
        st.execute(StateSchema.thingsTable(ASIDE));
      }
      Sqlite.commit(aside);
      Projector into = projector.into(ThingTable.uncached(ASIDE));
      long until = log.headPosition();
      long after = fold(into, aside, 0, until, folded, id);
      runner.exclusively(
          () -> {
            Connection tx = runner.connection();
            fold(into, tx, after, runner.checkpoint(), folded, id);
            Sqlite.begin(tx);
            try (Statement st = tx.createStatement()) {
              st.execute("DROP TABLE things");
              st.execute("ALTER TABLE " + ASIDE + " RENAME TO things");
              st.execute("CREATE INDEX things_by_updated ON things (updated_at, id)");
              Sqlite.commit(tx);
              projector.tableReplaced();
            } catch (SQLException e) {
              Sqlite.rollback(tx);
              throw e;
            }
            return null;
          });
      finish(id, "succeeded", folded.get(), null);
      LOG.log(Level.INFO, "rebuild {0} folded {1} events", id, folded.get());
    } catch (Exception e) {
      LOG.log(Level.WARNING, "rebuild " + id + " failed", e);
      finish(id, "failed", folded.get(), e.toString());
    }
  }

  /** Folds events after a position up to another into a table; commits per chunk. */
  private long fold(
      Projector into, Connection tx, long after, long until, AtomicLong folded, long id)
      throws SQLException {
    long position = after;
    while (position < until) {
      List<StoredEvent> chunk = log.readAfter(position, (int) Math.min(CHUNK, until - position));
      if (chunk.isEmpty()) {
        break;
      }
      Sqlite.begin(tx);
      try {
        for (StoredEvent event : chunk) {
          into.apply(event, tx);
          position = event.position();
        }
        Sqlite.commit(tx);
      } catch (SQLException | RuntimeException e) {
        Sqlite.rollback(tx);
        throw e;
      }
      folded.addAndGet(chunk.size());
      current = new Job(id, "running", current.startedAt(), null, folded.get(), null);
    }
    return position;
  }

  private synchronized void finish(long id, String status, long folded, String error) {
    current = new Job(id, status, current.startedAt(), clock.instant(), folded, error);
  }
}
