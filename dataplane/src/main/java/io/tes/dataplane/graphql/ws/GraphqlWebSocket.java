package io.tes.dataplane.graphql.ws;

import io.helidon.webserver.websocket.WsRouting;
import io.tes.dataplane.auth.Authenticator;
import io.tes.dataplane.graphql.GraphqlEngine;
import java.time.Duration;

/** The WebSocket side of {@code /graphql}: a fresh protocol state per connection. */
public final class GraphqlWebSocket {
  /** graphql-ws waits 3 s for connection_init by default; so does TES. */
  public static final Duration INIT_TIMEOUT = Duration.ofSeconds(3);

  private GraphqlWebSocket() {}

  public static WsRouting.Builder routing(
      String path, Authenticator authenticator, GraphqlEngine engine) {
    return WsRouting.builder()
        .endpoint(path, () -> new GraphqlWsConnection(authenticator, engine, INIT_TIMEOUT));
  }
}
