package io.tes.dataplane.graphql.schema;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import io.tes.dataplane.graphql.ErrorCode;
import io.tes.dataplane.graphql.GraphqlFault;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.processor.Progress;
import io.tes.dataplane.projection.Projector;
import io.tes.dataplane.projection.Thing;
import io.tes.dataplane.projection.ThingQuery;
import io.tes.dataplane.projection.ThingStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code thing}, {@code thingAt} (time travel), {@code things}, and the fields of Thing. */
final class ThingQueries {
  private static final int MAX_WAIT_MILLIS = 30_000;

  private final ThingStore store;
  private final EventLog log;
  private final Projector projector;
  private final Progress progress;
  private final EventQueries events;
  private final int defaultPageSize;

  ThingQueries(
      ThingStore store,
      EventLog log,
      Projector projector,
      Progress progress,
      EventQueries events,
      int defaultPageSize) {
    this.store = store;
    this.log = log;
    this.projector = projector;
    this.progress = progress;
    this.events = events;
    this.defaultPageSize = defaultPageSize;
  }

  void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        TypeRuntimeWiring.newTypeWiring("Query")
            .dataFetcher("thing", this::thing)
            .dataFetcher("thingAt", this::thingAt)
            .dataFetcher("things", this::things));
    wiring.type(
        TypeRuntimeWiring.newTypeWiring("Thing")
            .dataFetcher("createdTime", env -> ((Thing) env.getSource()).createdAt())
            .dataFetcher("updatedTime", env -> ((Thing) env.getSource()).updatedAt())
            .dataFetcher("position", env -> ((Thing) env.getSource()).lastPosition())
            .dataFetcher(
                "events",
                env -> {
                  Thing thing = env.getSource();
                  return events.streamPage(env, thing.id(), thing.version());
                }));
  }

  private Thing thing(DataFetchingEnvironment env) throws InterruptedException {
    awaitProjection(env);
    return store.find(env.getArgument("id")).orElse(null);
  }

  private Thing thingAt(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    Long position = env.getArgument("position");
    Instant time = env.getArgument("time");
    if ((position == null) == (time == null)) {
      throw new GraphqlFault(
          ErrorCode.BAD_USER_INPUT, "Give exactly one of 'position' and 'time' to travel to.");
    }
    long until = position != null ? position : log.positionAt(time);
    return until <= 0 ? null : projector.foldFromLog(id, until);
  }

  private Connection<Thing> things(DataFetchingEnvironment env) throws InterruptedException {
    long applied = awaitProjection(env);
    PageArgs page = PageArgs.of(env, defaultPageSize, false);
    if (page.size() == 0) {
      return Connection.of(List.of(), false, page.after() != null, applied);
    }
    Map<String, Object> order = env.getArgument("orderBy");
    var query =
        new ThingQuery(
            StateFilters.from(env.getArgument("where")),
            sortKey(order),
            order != null && "DESC".equals(order.get("direction")),
            page.size(),
            page.after() == null ? null : ThingQuery.Cursor.decode(page.after()),
            Boolean.TRUE.equals(env.getArgument("includeDeleted")));
    ThingStore.CursorPage result = store.page(query);
    var edges = new ArrayList<Connection.Edge<Thing>>(result.items().size());
    result.items().forEach(item -> edges.add(new Connection.Edge<>(item.cursor(), item.thing())));
    return Connection.of(edges, result.hasMore(), page.after() != null, applied);
  }

  private static ThingQuery.SortKey sortKey(Map<String, Object> order) {
    if (order == null) {
      return ThingQuery.SortKey.ID;
    }
    String path = (String) order.get("path");
    return switch ((String) order.get("field")) {
      case "VERSION" -> ThingQuery.sortKey("version");
      case "CREATED_TIME" -> ThingQuery.sortKey("created");
      case "UPDATED_TIME" -> ThingQuery.sortKey("updated");
      case "STATE" -> {
        if (path == null) {
          throw new GraphqlFault(
              ErrorCode.BAD_USER_INPUT, "Ordering by STATE needs the field's 'path'.");
        }
        yield ThingQuery.sortKey("state." + ThingQuery.checkPath(path));
      }
      default -> ThingQuery.SortKey.ID;
    };
  }

  /**
   * Waits for {@code minPosition}, at most {@code waitMillis}; returns the applied position. The
   * request's own time limit still applies: it cancels a wait that outlasts it.
   */
  private long awaitProjection(DataFetchingEnvironment env) throws InterruptedException {
    Long wanted = env.getArgument("minPosition");
    if (wanted != null && wanted > 0) {
      int wait = env.<Integer>getArgument("waitMillis");
      if (wait < 0 || wait > MAX_WAIT_MILLIS) {
        throw new GraphqlFault(
            ErrorCode.BAD_USER_INPUT,
            "'waitMillis' must be between 0 and " + MAX_WAIT_MILLIS + ", was " + wait + ".");
      }
      if (!progress.awaitApplied(wanted, Duration.ofMillis(wait))) {
        throw new GraphqlFault(
            ErrorCode.PROJECTION_BEHIND,
            "The projection has applied position "
                + progress.applied()
                + ", not yet "
                + wanted
                + ", after "
                + wait
                + " ms; retry.",
            Map.of("appliedPosition", progress.applied()));
      }
    }
    return progress.applied();
  }
}
