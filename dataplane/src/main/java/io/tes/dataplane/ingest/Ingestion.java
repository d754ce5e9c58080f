package io.tes.dataplane.ingest;

import io.tes.dataplane.cloudevents.CloudEvent;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.log.Receipt;
import io.tes.dataplane.schema.EventSchemas;
import java.util.List;

/**
 * What happens to decoded events whichever door they came through (REST or a GraphQL mutation): ids
 * assigned where missing, data checked against the schema registry, the request appended
 * atomically. Refusals are problem exceptions with the context a client needs.
 */
public final class Ingestion {
  private final EventSchemas schemas;
  private final EventLog log;
  private final EventIds ids;

  public Ingestion(EventSchemas schemas, EventLog log, EventIds ids) {
    this.schemas = schemas;
    this.log = log;
    this.ids = ids;
  }

  /**
   * Stores one request's events.
   *
   * @return one receipt per event, in order
   * @throws io.tes.dataplane.http.ProblemException 422 for schema problems, 409 for conflicts, 503
   *     when the log cannot commit
   */
  public List<Receipt> append(List<CloudEvent> decoded) {
    List<CloudEvent> events = ids.assignMissing(decoded);
    schemas.check(events);
    return AppendErrors.translate(() -> log.append(events));
  }

  /** The metrics outcome of a stored request: created when anything new was stored. */
  public static String outcome(List<Receipt> receipts) {
    return receipts.stream().anyMatch(r -> !r.duplicate()) ? "created" : "duplicate";
  }
}
