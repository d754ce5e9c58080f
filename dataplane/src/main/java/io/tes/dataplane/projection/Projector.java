package io.tes.dataplane.projection;

import io.tes.dataplane.cloudevents.EventData;
import io.tes.dataplane.config.ReducerRule.Mode;
import io.tes.dataplane.http.Json;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.log.StoredEvent;
import io.tes.dataplane.processor.Processor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Folds each subject's events into the current state of its thing. The reducer of an event type is
 * merge (RFC 7386), replace or delete. A thing's version is the last applied stream version, so an
 * event already folded in is recognised and skipped. Data that is not JSON changes the version and
 * the last event, not the state.
 */
public final class Projector implements Processor {
  public static final String NAME = "projector";

  private final Reducers reducers;
  private final EventLog log;
  private final ThingTable table;

  public Projector(Reducers reducers, EventLog log) {
    this(reducers, log, ThingTable.cached("things"));
  }

  Projector(Reducers reducers, EventLog log, ThingTable table) {
    this.reducers = reducers;
    this.log = log;
    this.table = table;
  }

  /** The same fold, writing into another table (a rebuild aside). */
  Projector into(ThingTable other) {
    return new Projector(reducers, log, other);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void committed() {
    table.committed();
  }

  @Override
  public void rolledBack() {
    table.rolledBack();
  }

  /** The things table was swapped for a rebuilt one. */
  void tableReplaced() {
    table.replaced();
  }

  @Override
  public void apply(StoredEvent stored, Connection state) throws SQLException {
    String subject = stored.event().subject();
    if (subject == null || stored.streamVersion() == null) {
      return;
    }
    Thing current = table.find(state, subject);
    if (current != null && current.version() >= stored.streamVersion()) {
      return;
    }
    table.upsert(state, fold(current, stored));
  }

  /**
   * A dead letter of the projector is retried by folding its thing again from the log: a late merge
   * on top of later events would not give the state the log implies.
   */
  @Override
  public void retry(StoredEvent stored, Connection state) throws SQLException {
    String subject = stored.event().subject();
    if (subject == null) {
      return;
    }
    Thing thing = foldFromLog(subject, Long.MAX_VALUE);
    if (thing != null) {
      table.upsert(state, thing);
    }
  }

  /**
   * A thing as it was once the log reached a position: its stream folded from the log up to that
   * position (time travel). Null when the subject had no event by then.
   */
  public Thing foldFromLog(String subject, long untilPosition) {
    Thing thing = null;
    long after = 0;
    List<StoredEvent> page;
    do {
      page = log.readStream(subject, after, 1000);
      for (StoredEvent event : page) {
        if (event.position() > untilPosition) {
          return thing;
        }
        thing = fold(thing, event);
        after = event.streamVersion();
      }
    } while (!page.isEmpty());
    return thing;
  }

  /**
   * The thing after one more event of its stream, by the same reducers as the projection; a live
   * view (a subscription) folds along the log with it.
   */
  public Thing foldNext(Thing current, StoredEvent stored) {
    return fold(current, stored);
  }

  /** The thing after one more event. */
  Thing fold(Thing current, StoredEvent stored) {
    Mode mode = reducers.modeFor(stored.event().type());
    boolean alive = current != null && !current.deleted();
    JsonNode before = alive ? current.state() : null;
    EventData raw = stored.event().data();
    JsonNode data = json(raw);
    boolean opaque = raw != null && data == null;
    JsonNode after =
        switch (mode) {
          case DELETE -> null;
          case REPLACE -> opaque ? before : data != null ? data : Json.mapper().nullNode();
          case MERGE -> {
            if (data == null) {
              yield before != null ? before : Json.mapper().createObjectNode();
            }
            yield MergePatch.apply(before, data);
          }
        };
    return new Thing(
        stored.event().subject(),
        stored.streamVersion(),
        after,
        mode == Mode.DELETE,
        alive ? current.createdAt() : stored.recordedAt(),
        stored.recordedAt(),
        stored.event().type(),
        stored.position());
  }

  private static JsonNode json(EventData data) {
    if (data == null) {
      return null;
    }
    return switch (data.encoding()) {
      case JSON -> data.tree() != null ? data.tree() : Json.mapper().readTree(data.bytes());
      case TEXT, BINARY -> null;
    };
  }
}
