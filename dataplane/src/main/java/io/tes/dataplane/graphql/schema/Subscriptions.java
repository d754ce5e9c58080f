package io.tes.dataplane.graphql.schema;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import io.tes.dataplane.graphql.ErrorCode;
import io.tes.dataplane.graphql.GraphqlFault;
import io.tes.dataplane.graphql.feed.EventFeed;
import io.tes.dataplane.graphql.feed.LogTail;
import io.tes.dataplane.graphql.feed.ThingFeed;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.projection.Projector;
import java.util.Map;

/**
 * The subscription roots. A subscription starts at the tail of the log as it is when the subscribe
 * message is handled (an event acknowledged before that is never delivered, one acknowledged after
 * always is), or after the position the client names.
 */
final class Subscriptions {
  private final EventLog log;
  private final LogTail tail;
  private final Projector projector;

  Subscriptions(EventLog log, LogTail tail, Projector projector) {
    this.log = log;
    this.tail = tail;
    this.projector = projector;
  }

  void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        TypeRuntimeWiring.newTypeWiring("Subscription")
            .dataFetcher("events", this::events)
            .dataFetcher(
                "thingChanged",
                env -> new ThingFeed(log, tail, projector, env.getArgument("id"), tail.head())));
  }

  private EventFeed events(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("filter");
    if (input != null
        && (input.get("recordedFrom") != null || input.get("recordedBefore") != null)) {
      throw new GraphqlFault(
          ErrorCode.BAD_USER_INPUT,
          "A subscription delivers new events; its filter takes no time range.");
    }
    Long after = env.getArgument("afterPosition");
    return new EventFeed(
        log, tail, EventQueries.filter(input), after != null ? after : tail.head());
  }
}
