package io.tes.dataplane.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import io.tes.dataplane.auth.Principal;
import io.tes.dataplane.auth.RateLimiter;
import io.tes.dataplane.auth.Scope;
import io.tes.dataplane.cloudevents.CloudEvent;
import io.tes.dataplane.config.Durability;
import io.tes.dataplane.config.TenantConfig;
import io.tes.dataplane.graphql.feed.LogTail;
import io.tes.dataplane.graphql.schema.Loaders;
import io.tes.dataplane.graphql.schema.TesSchema;
import io.tes.dataplane.ingest.EventIds;
import io.tes.dataplane.ingest.Ingestion;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.observe.Metrics;
import io.tes.dataplane.processor.Progress;
import io.tes.dataplane.processor.StateStore;
import io.tes.dataplane.projection.Projector;
import io.tes.dataplane.projection.Reducers;
import io.tes.dataplane.projection.ThingStore;
import io.tes.dataplane.schema.EventSchemas;
import io.tes.dataplane.sqlite.Sqlite;
import io.tes.dataplane.testing.AsyncTenant;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page whose items each select a related object loads those in one batch per level, not one query
 * per item (N+1). Run on the engine with a real log, so the loaders' statistics can be read.
 */
class DataLoaderBatchingTest {
  @TempDir Path dir;

  @Test
  void pagesLoadWhatTheirItemsSelectInOneBatch() throws Exception {
    TenantConfig config = AsyncTenant.create("batching").config();
    var metrics = new Metrics(config.tenant());
    try (EventLog log = EventLog.open(dir, Durability.OS, Clock.systemUTC(), metrics);
        StateStore state = StateStore.open(dir)) {
      var events = new ArrayList<CloudEvent>();
      for (int i = 0; i < 20; i++) {
        events.add(
            new CloudEvent(
                "e-" + i,
                "/b",
                "thing.updated",
                "b/" + i,
                null,
                null,
                null,
                CloudEvent.noExtensions(),
                null));
      }
      log.append(events);
      var things = new ThingStore(state.readers());
      var loaders = new Loaders(log, things);
      var lastRegistry = new AtomicReference<DataLoaderRegistry>();
      var projector = new Projector(new Reducers(config.projection().reducers()), log);
      var schema =
          TesSchema.build(
              new TesSchema.Backend(
                  config,
                  log,
                  things,
                  projector,
                  Progress.remote(() -> 0),
                  LogTail.polling(log),
                  new RateLimiter(config, System::nanoTime),
                  new Ingestion(
                      new EventSchemas(config.schemas()), log, new EventIds(Clock.systemUTC())),
                  metrics,
                  loaders),
              50);
      var engine =
          new GraphqlEngine(
              schema,
              config.graphql(),
              50,
              () -> {
                lastRegistry.set(loaders.registry());
                return lastRegistry.get();
              });
      var request =
          new GraphqlRequest(
              "{ events(first: 20) { nodes { position thing { id } } } }", null, null, null);
      var ready = (GraphqlEngine.Ready) engine.prepare(request);
      var principal = new Principal(config.tenant(), "app", Set.of(Scope.READ));
      ExecutionResult result = engine.execute(ready, request, principal);

      assertThat(result.getErrors()).isEmpty();
      var statistics = lastRegistry.get().getDataLoader("thingById").getStatistics();
      assertThat(statistics.getLoadCount()).isEqualTo(20);
      assertThat(statistics.getBatchInvokeCount()).isEqualTo(1);

      // Project the events by hand, then page things that each select their events.
      try (var writer = state.openWriter()) {
        Sqlite.begin(writer);
        for (var stored : log.readAfter(0, 100)) {
          projector.apply(stored, writer);
        }
        Sqlite.commit(writer);
      }
      var thingsRequest =
          new GraphqlRequest(
              "{ things(first: 20) { nodes { id events(first: 5) { nodes { position } } } } }",
              null,
              null,
              null);
      var thingsResult =
          engine.execute(
              (GraphqlEngine.Ready) engine.prepare(thingsRequest), thingsRequest, principal);
      assertThat(thingsResult.getErrors()).isEmpty();
      var ranges = lastRegistry.get().getDataLoader("streamRange").getStatistics();
      assertThat(ranges.getLoadCount()).isEqualTo(20);
      assertThat(ranges.getBatchInvokeCount()).isEqualTo(1);
    }
  }
}
