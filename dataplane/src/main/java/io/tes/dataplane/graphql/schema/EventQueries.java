package io.tes.dataplane.graphql.schema;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import io.tes.dataplane.graphql.ErrorCode;
import io.tes.dataplane.graphql.GraphqlFault;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.log.EventLog.StreamRange;
import io.tes.dataplane.log.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code event}, {@code eventById}, {@code events}, {@code stream}, and stream event pages. */
final class EventQueries {
  private static final String POSITION = "e";
  private static final String VERSION = "v";

  private final EventLog log;
  private final Loaders loaders;
  private final int defaultPageSize;

  /** A stream as a query sees it. */
  record StreamView(String subject, long version) {}

  EventQueries(EventLog log, Loaders loaders, int defaultPageSize) {
    this.log = log;
    this.loaders = loaders;
    this.defaultPageSize = defaultPageSize;
  }

  void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        TypeRuntimeWiring.newTypeWiring("Query")
            .dataFetcher("event", this::event)
            .dataFetcher(
                "eventById",
                env -> log.find(env.getArgument("source"), env.getArgument("id")).orElse(null))
            .dataFetcher("events", this::events)
            .dataFetcher("stream", this::stream));
    wiring.type(
        TypeRuntimeWiring.newTypeWiring("Stream")
            .dataFetcher(
                "events",
                env -> {
                  StreamView stream = env.getSource();
                  return streamPage(env, stream.subject(), stream.version());
                })
            .dataFetcher(
                "thing", env -> loaders.thing(env, ((StreamView) env.getSource()).subject())));
  }

  private StoredEvent event(DataFetchingEnvironment env) {
    long position = env.<Long>getArgument("position");
    List<StoredEvent> found = log.readPositions(List.of(position));
    return found.isEmpty() ? null : found.getFirst();
  }

  private StreamView stream(DataFetchingEnvironment env) {
    String subject = env.getArgument("subject");
    long version = log.streamVersion(subject);
    return version == 0 ? null : new StreamView(subject, version);
  }

  private Connection<StoredEvent> events(DataFetchingEnvironment env) {
    PageArgs page = PageArgs.of(env, defaultPageSize, true);
    EventLog.Filter filter = filter(env.getArgument("filter"));
    long after = page.after() == null ? 0 : Cursors.decode(POSITION, page.after(), "after");
    long before =
        page.before() == null ? Long.MAX_VALUE : Cursors.decode(POSITION, page.before(), "before");
    if (page.size() == 0) {
      return Connection.of(List.of(), false, false, null);
    }
    List<StoredEvent> rows = log.select(filter, after, before, page.backward(), page.size() + 1);
    boolean more = rows.size() > page.size();
    List<StoredEvent> items = new ArrayList<>(more ? rows.subList(0, page.size()) : rows);
    if (page.backward()) {
      java.util.Collections.reverse(items);
      return Connection.of(edges(items, POSITION), page.before() != null, more, null);
    }
    return Connection.of(edges(items, POSITION), more, page.after() != null, null);
  }

  /**
   * A forward page of one stream, up to a version (a thing's events stop at its version). Stream
   * versions are gap-free, so the page is a version range, loaded with its neighbours in one query.
   */
  CompletableFuture<Connection<StoredEvent>> streamPage(
      DataFetchingEnvironment env, String subject, long maxVersion) {
    PageArgs page = PageArgs.of(env, defaultPageSize, false);
    long after = page.after() == null ? 0 : Cursors.decode(VERSION, page.after(), "after");
    if (page.size() == 0 || after >= maxVersion) {
      return CompletableFuture.completedFuture(
          Connection.of(List.of(), false, page.after() != null, null));
    }
    long to = Math.min(maxVersion, after + page.size() + 1);
    return loaders
        .range(env, new StreamRange(subject, after + 1, to))
        .thenApply(
            rows -> {
              boolean more = rows.size() > page.size();
              List<StoredEvent> items = more ? rows.subList(0, page.size()) : rows;
              var edges = new ArrayList<Connection.Edge<StoredEvent>>(items.size());
              for (StoredEvent e : items) {
                edges.add(new Connection.Edge<>(Cursors.encode(VERSION, e.streamVersion()), e));
              }
              return Connection.of(edges, more, page.after() != null, null);
            });
  }

  private static List<Connection.Edge<StoredEvent>> edges(List<StoredEvent> items, String kind) {
    var edges = new ArrayList<Connection.Edge<StoredEvent>>(items.size());
    for (StoredEvent e : items) {
      edges.add(new Connection.Edge<>(Cursors.encode(kind, e.position()), e));
    }
    return edges;
  }

  /** The filter of a query or subscription; the time range only where asked. */
  static EventLog.Filter filter(Map<String, Object> input) {
    if (input == null) {
      return EventLog.Filter.ANY;
    }
    Instant from = (Instant) input.get("recordedFrom");
    Instant before = (Instant) input.get("recordedBefore");
    if (from != null && before != null && !from.isBefore(before)) {
      throw new GraphqlFault(
          ErrorCode.BAD_USER_INPUT, "'recordedFrom' must be before 'recordedBefore'.");
    }
    return new EventLog.Filter(
        strings(input.get("types")),
        strings(input.get("subjects")),
        strings(input.get("sources")),
        from,
        before);
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }
}
