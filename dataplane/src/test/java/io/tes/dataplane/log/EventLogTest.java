package io.tes.dataplane.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tes.dataplane.cloudevents.CloudEvent;
import io.tes.dataplane.config.Durability;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
  @TempDir Path dir;

  static CloudEvent event(String id, String subject) {
    return new CloudEvent(
        id, "/t", "t", subject, null, null, null, CloudEvent.noExtensions(), null);
  }

  @Test
  void reopeningKeepsPositionsAndVersionsAndMigratesOnce() throws Exception {
    try (var log = EventLog.open(dir, Durability.FSYNC, Clock.systemUTC(), LogMetrics.NONE)) {
      log.append(List.of(event("a", "s"), event("b", "s")));
    }
    try (var log = EventLog.open(dir, Durability.OS, Clock.systemUTC(), LogMetrics.NONE)) {
      List<Receipt> receipts = log.append(List.of(event("c", "s")));
      assertThat(receipts.getFirst().position()).isEqualTo(3);
      assertThat(receipts.getFirst().streamVersion()).isEqualTo(3);
    }
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(EventLog.FILE_NAME));
        var rs = db.createStatement().executeQuery("SELECT count(*) FROM schema_migrations")) {
      assertThat(rs.getInt(1)).isEqualTo(LogSchema.MIGRATIONS.latest());
    }
  }

  @Test
  void aDatabaseFromANewerBuildIsRefused() throws Exception {
    try (var log = EventLog.open(dir, Durability.FSYNC, Clock.systemUTC(), LogMetrics.NONE)) {
      log.append(List.of(event("a", null)));
    }
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(EventLog.FILE_NAME))) {
      db.createStatement().execute("INSERT INTO schema_migrations VALUES (999, 'future', 'now')");
    }
    assertThatThrownBy(
            () -> EventLog.open(dir, Durability.FSYNC, Clock.systemUTC(), LogMetrics.NONE))
        .hasMessageContaining("newer than this build");
  }

  @Test
  void appendsAfterCloseFailWithAStorageError() throws Exception {
    var log = EventLog.open(dir, Durability.FSYNC, Clock.systemUTC(), LogMetrics.NONE);
    log.close();
    assertThatThrownBy(() -> log.append(List.of(event("late", null))))
        .isInstanceOf(StorageException.class);
  }
}
