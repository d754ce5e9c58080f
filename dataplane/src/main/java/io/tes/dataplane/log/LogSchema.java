package io.tes.dataplane.log;

import io.tes.dataplane.sqlite.Migrations;
import io.tes.dataplane.sqlite.Migrations.Migration;
import java.util.List;

/** The schema of the event log database ({@code events.db}). */
public final class LogSchema {
  public static final Migrations MIGRATIONS =
      new Migrations(
          "event log",
          List.of(
              new Migration(
                  1,
                  "event log and stream versions",
                  List.of(
                      """
                      CREATE TABLE events (
                        position        INTEGER PRIMARY KEY,
                        id              TEXT    NOT NULL,
                        source          TEXT    NOT NULL,
                        type            TEXT    NOT NULL,
                        subject         TEXT,
                        stream_version  INTEGER,
                        time            TEXT,
                        recorded_at     INTEGER NOT NULL,
                        datacontenttype TEXT,
                        dataschema      TEXT,
                        extensions      TEXT,
                        data_encoding   INTEGER,
                        data            BLOB,
                        digest          BLOB    NOT NULL,
                        UNIQUE (source, id),
                        UNIQUE (subject, stream_version)
                      ) STRICT
                      """,
                      """
                      CREATE TABLE streams (
                        subject TEXT PRIMARY KEY,
                        version INTEGER NOT NULL
                      ) STRICT, WITHOUT ROWID
                      """,
                      "CREATE INDEX events_by_id ON events (id)")),
              new Migration(
                  2,
                  "checkpoints of the outbox relay",
                  List.of(
                      """
                      CREATE TABLE checkpoints (
                        name     TEXT PRIMARY KEY,
                        position INTEGER NOT NULL
                      ) STRICT, WITHOUT ROWID
                      """)),
              new Migration(
                  3,
                  "indexes for filtered reads by type and by recorded time",
                  List.of(
                      "CREATE INDEX events_by_type ON events (type, position)",
                      "CREATE INDEX events_by_recorded_at ON events (recorded_at, position)"))));

  private LogSchema() {}
}
