package io.tes.dataplane.graphql.schema;

import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.processor.Progress;
import io.tes.dataplane.projection.ThingStore;
import java.util.List;

/** {@code stats}: counts and positions of the tenant, read when asked. */
final class Stats {
  record TenantStats(
      String tenant,
      long headPosition,
      long streams,
      long things,
      long deletedThings,
      long projectedPosition,
      long projectionLag,
      List<EventTypeCount> eventTypes) {}

  record EventTypeCount(String type, long count) {}

  private final String tenant;
  private final EventLog log;
  private final ThingStore store;
  private final Progress progress;

  Stats(String tenant, EventLog log, ThingStore store, Progress progress) {
    this.tenant = tenant;
    this.log = log;
    this.store = store;
    this.progress = progress;
  }

  void wire(RuntimeWiring.Builder wiring) {
    wiring.type(TypeRuntimeWiring.newTypeWiring("Query").dataFetcher("stats", env -> read()));
  }

  private TenantStats read() {
    // The projection's position first: then the lag is never negative.
    long projected = progress.applied();
    long head = log.headPosition();
    ThingStore.Counts counts = store.counts();
    return new TenantStats(
        tenant,
        head,
        log.streamCount(),
        counts.live(),
        counts.deleted(),
        projected,
        Math.max(0, head - projected),
        log.typeCounts().entrySet().stream()
            .map(e -> new EventTypeCount(e.getKey(), e.getValue()))
            .toList());
  }
}
