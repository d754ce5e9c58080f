package io.tes.dataplane.graphql.schema;

import graphql.schema.DataFetchingEnvironment;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.log.EventLog.StreamRange;
import io.tes.dataplane.log.StoredEvent;
import io.tes.dataplane.projection.Thing;
import io.tes.dataplane.projection.ThingStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.BatchLoader;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.stats.SimpleStatisticsCollector;

/**
 * Data loaders against N+1 reads: a page of events that each select their thing, or a page of
 * things that each select their events, costs one query per level instead of one per item. A
 * request without loaders (a subscription event) reads directly.
 */
public final class Loaders {
  private static final String THINGS = "thingById";
  private static final String STREAM_RANGES = "streamRange";
  private static final String EVENTS = "eventByPosition";

  private final EventLog log;
  private final ThingStore store;

  public Loaders(EventLog log, ThingStore store) {
    this.log = log;
    this.store = store;
  }

  /** Fresh loaders for one request (their caches must not outlive it). */
  public DataLoaderRegistry registry() {
    DataLoader<String, Thing> things =
        DataLoaderFactory.newDataLoader(
            (BatchLoader<String, Thing>)
                ids -> {
                  Map<String, Thing> found = store.findAll(ids);
                  return CompletableFuture.completedFuture(ids.stream().map(found::get).toList());
                },
            options());
    DataLoader<StreamRange, List<StoredEvent>> ranges =
        DataLoaderFactory.newDataLoader(
            (BatchLoader<StreamRange, List<StoredEvent>>)
                keys -> CompletableFuture.completedFuture(log.readStreamRanges(keys)),
            options());
    DataLoader<Long, StoredEvent> events =
        DataLoaderFactory.newDataLoader(
            (BatchLoader<Long, StoredEvent>)
                positions -> {
                  var byPosition = new HashMap<Long, StoredEvent>();
                  log.readPositions(positions).forEach(e -> byPosition.put(e.position(), e));
                  var result = new ArrayList<StoredEvent>(positions.size());
                  positions.forEach(p -> result.add(byPosition.get(p)));
                  return CompletableFuture.completedFuture(result);
                },
            options());
    return DataLoaderRegistry.newRegistry()
        .register(THINGS, things)
        .register(STREAM_RANGES, ranges)
        .register(EVENTS, events)
        .build();
  }

  /** Loads and batches are counted, so a test (and a later metric) can see the batching work. */
  private static DataLoaderOptions options() {
    return DataLoaderOptions.newOptions()
        .setStatisticsCollector(SimpleStatisticsCollector::new)
        .build();
  }

  CompletableFuture<Thing> thing(DataFetchingEnvironment env, String id) {
    DataLoader<String, Thing> loader = env.getDataLoader(THINGS);
    return loader != null
        ? loader.load(id)
        : CompletableFuture.completedFuture(store.find(id).orElse(null));
  }

  CompletableFuture<List<StoredEvent>> range(DataFetchingEnvironment env, StreamRange range) {
    DataLoader<StreamRange, List<StoredEvent>> loader = env.getDataLoader(STREAM_RANGES);
    return loader != null
        ? loader.load(range)
        : CompletableFuture.completedFuture(log.readStreamRanges(List.of(range)).getFirst());
  }

  CompletableFuture<StoredEvent> event(DataFetchingEnvironment env, long position) {
    DataLoader<Long, StoredEvent> loader = env.getDataLoader(EVENTS);
    if (loader != null) {
      return loader.load(position);
    }
    List<StoredEvent> found = log.readPositions(List.of(position));
    return CompletableFuture.completedFuture(found.isEmpty() ? null : found.getFirst());
  }
}
