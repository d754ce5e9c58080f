package io.tes.dataplane.processor;

import io.tes.dataplane.sqlite.Migrations;
import io.tes.dataplane.sqlite.Migrations.Migration;
import java.util.List;

/**
 * The schema of the processors' database ({@code state.db}): what processors derive from the log,
 * their checkpoints (written in the same transactions as their effects) and their dead letters.
 */
public final class StateSchema {
  /** Columns of a things table; the projector can build a second one aside for a rebuild. */
  public static String thingsTable(String name) {
    return """
        CREATE TABLE %s (
          id              TEXT PRIMARY KEY,
          version         INTEGER NOT NULL,
          state           TEXT,
          deleted         INTEGER NOT NULL DEFAULT 0,
          created_at      INTEGER NOT NULL,
          updated_at      INTEGER NOT NULL,
          last_event_type TEXT    NOT NULL,
          last_position   INTEGER NOT NULL
        ) STRICT
        """
        .formatted(name);
  }

  public static final Migrations MIGRATIONS =
      new Migrations(
          "state",
          List.of(
              new Migration(
                  1,
                  "processor checkpoints, dead letters, things",
                  List.of(
                      """
                      CREATE TABLE checkpoints (
                        processor TEXT PRIMARY KEY,
                        position  INTEGER NOT NULL
                      ) STRICT, WITHOUT ROWID
                      """,
                      """
                      CREATE TABLE dead_letters (
                        id              INTEGER PRIMARY KEY,
                        processor       TEXT    NOT NULL,
                        position        INTEGER NOT NULL,
                        event           TEXT    NOT NULL,
                        error           TEXT    NOT NULL,
                        attempts        INTEGER NOT NULL,
                        first_failed_at INTEGER NOT NULL,
                        last_failed_at  INTEGER NOT NULL,
                        resolved_at     INTEGER,
                        UNIQUE (processor, position)
                      ) STRICT
                      """,
                      thingsTable("things"),
                      "CREATE INDEX things_by_updated ON things (updated_at, id)"))));

  private StateSchema() {}
}
