package io.tes.dataplane.ingest;

import io.tes.dataplane.http.ProblemType;
import io.tes.dataplane.http.Sentence;
import io.tes.dataplane.log.DuplicateConflictException;
import io.tes.dataplane.log.Receipt;
import io.tes.dataplane.log.StorageException;
import io.tes.dataplane.log.VersionConflictException;
import java.util.List;
import java.util.function.Supplier;

/** Turns the log's refusals into problem documents with what a client needs to recover. */
public final class AppendErrors {
  private AppendErrors() {}

  public static List<Receipt> translate(Supplier<List<Receipt>> append) {
    try {
      return append.get();
    } catch (VersionConflictException e) {
      throw ProblemType.VERSION_CONFLICT
          .problem(Sentence.of(e.getMessage(), "nothing was stored"))
          .with("index", e.index())
          .with("subject", e.subject())
          .with("expectedVersion", e.expectedVersion())
          .with("currentVersion", e.currentVersion())
          .toException();
    } catch (DuplicateConflictException e) {
      throw ProblemType.DUPLICATE_CONFLICT
          .problem(Sentence.of(e.getMessage(), "nothing was stored"))
          .with("index", e.index())
          .with("source", e.source())
          .with("id", e.id())
          .with("existingPosition", e.existingPosition())
          .toException();
    } catch (StorageException e) {
      throw ProblemType.UNAVAILABLE
          .problem("The event log could not store the request; nothing was stored. Retry.")
          .with("retryAfterSeconds", 1)
          .toException();
    }
  }
}
