package io.tes.dataplane.graphql.schema;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import io.tes.dataplane.graphql.RequestContext;
import io.tes.dataplane.log.Receipt;
import java.util.List;
import java.util.Map;

/** {@code emitEvent} and {@code emitEvents}, with their typed results. */
final class Mutations {
  private final Emitter emitter;

  Mutations(Emitter emitter) {
    this.emitter = emitter;
  }

  void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        TypeRuntimeWiring.newTypeWiring("Mutation")
            .dataFetcher(
                "emitEvent",
                env -> {
                  Map<String, Object> event = env.getArgument("event");
                  return emit(env, List.of(event), false);
                })
            .dataFetcher("emitEvents", env -> emit(env, env.getArgument("events"), true)));
    for (String type : List.of("EmitEventResult", "EmitEventsResult", "EmitError")) {
      wiring.type(TypeRuntimeWiring.newTypeWiring(type).typeResolver(EmitErrors.RESOLVER));
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> emit(
      DataFetchingEnvironment env, List<Map<String, Object>> inputs, boolean batch) {
    RequestContext context = env.getGraphQlContext().get(RequestContext.class);
    Object outcome = emitter.emit(context.principal(), inputs, batch);
    if (outcome instanceof Emitter.Rejection rejection) {
      return EmitErrors.result(rejection);
    }
    List<Receipt> receipts = (List<Receipt>) outcome;
    return batch
        ? EmitErrors.success("EventsEmitted", "receipts", receipts)
        : EmitErrors.success("EventEmitted", "receipt", receipts.getFirst());
  }
}
