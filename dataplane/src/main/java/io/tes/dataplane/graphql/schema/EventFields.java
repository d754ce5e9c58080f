package io.tes.dataplane.graphql.schema;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import io.tes.dataplane.cloudevents.CloudEvent;
import io.tes.dataplane.cloudevents.EventData;
import io.tes.dataplane.cloudevents.JsonFormat;
import io.tes.dataplane.http.Json;
import io.tes.dataplane.log.Receipt;
import io.tes.dataplane.log.StoredEvent;
import java.util.Base64;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** The fields of {@code Event} (a stored event) and {@code Receipt}. */
final class EventFields {
  private final Loaders loaders;

  EventFields(Loaders loaders) {
    this.loaders = loaders;
  }

  void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        TypeRuntimeWiring.newTypeWiring("Event")
            .dataFetcher("position", env -> stored(env).position())
            .dataFetcher("streamVersion", env -> stored(env).streamVersion())
            .dataFetcher("recordedTime", env -> stored(env).recordedAt())
            .dataFetcher("specversion", env -> CloudEvent.SPEC_VERSION)
            .dataFetcher("id", attribute(CloudEvent::id))
            .dataFetcher("source", attribute(CloudEvent::source))
            .dataFetcher("type", attribute(CloudEvent::type))
            .dataFetcher("subject", attribute(CloudEvent::subject))
            .dataFetcher("time", attribute(CloudEvent::time))
            .dataFetcher("datacontenttype", attribute(CloudEvent::datacontenttype))
            .dataFetcher("dataschema", attribute(CloudEvent::dataschema))
            .dataFetcher("extensions", env -> extensions(stored(env).event()))
            .dataFetcher("data", env -> data(stored(env).event().data()))
            .dataFetcher("dataBase64", env -> dataBase64(stored(env).event().data()))
            .dataFetcher("cloudEvent", env -> JsonFormat.write(stored(env).event()))
            .dataFetcher(
                "thing",
                env -> {
                  String subject = stored(env).event().subject();
                  return subject == null ? null : loaders.thing(env, subject);
                }));
    wiring.type(
        TypeRuntimeWiring.newTypeWiring("Receipt")
            .dataFetcher("recordedTime", env -> ((Receipt) env.getSource()).recordedAt())
            .dataFetcher(
                "event", env -> loaders.event(env, ((Receipt) env.getSource()).position())));
  }

  private static StoredEvent stored(DataFetchingEnvironment env) {
    return env.getSource();
  }

  private static graphql.schema.DataFetcher<Object> attribute(Function<CloudEvent, String> get) {
    return env -> get.apply(stored(env).event());
  }

  private static ObjectNode extensions(CloudEvent event) {
    ObjectNode node = Json.mapper().createObjectNode();
    event
        .extensions()
        .forEach(
            (name, value) -> {
              switch (value) {
                case Boolean b -> node.put(name, b);
                case Long l -> node.put(name, l);
                default -> node.put(name, value.toString());
              }
            });
    return node;
  }

  /** JSON data goes out as the stored text, unparsed; text data as a JSON string. */
  private static Object data(EventData data) {
    if (data == null) {
      return null;
    }
    return switch (data.encoding()) {
      case JSON -> new RawValue(data.asText());
      case TEXT -> Json.mapper().getNodeFactory().stringNode(data.asText());
      case BINARY -> null;
    };
  }

  private static String dataBase64(EventData data) {
    return data != null && data.encoding() == EventData.Encoding.BINARY
        ? Base64.getEncoder().encodeToString(data.bytes())
        : null;
  }
}
