package io.tes.dataplane.graphql.ws;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.OperationDefinition.Operation;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.WritableHeaders;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.tes.dataplane.auth.Authenticator;
import io.tes.dataplane.auth.Principal;
import io.tes.dataplane.auth.Scope;
import io.tes.dataplane.graphql.ErrorCode;
import io.tes.dataplane.graphql.Errors;
import io.tes.dataplane.graphql.GraphqlEngine;
import io.tes.dataplane.graphql.GraphqlRequest;
import io.tes.dataplane.http.ProblemException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.reactivestreams.Publisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One WebSocket connection speaking graphql-transport-ws: {@code connection_init} carries the API
 * key (as {@code authorization: "Bearer <key>"} or {@code apiKey}, else the upgrade request's
 * Authorization header counts); {@code subscribe} runs an operation under the scope it needs;
 * {@code complete} stops one. Protocol violations close the socket with the protocol's codes.
 */
public final class GraphqlWsConnection implements WsListener {
  public static final String SUBPROTOCOL = "graphql-transport-ws";
  private static final System.Logger LOG = System.getLogger(GraphqlWsConnection.class.getName());

  private final Authenticator authenticator;
  private final GraphqlEngine engine;
  private final Duration initTimeout;
  private final Map<String, OperationSink> operations = new ConcurrentHashMap<>();
  private final ReentrantLock sending = new ReentrantLock();
  private final StringBuilder partial = new StringBuilder();
  private volatile boolean subprotocolAccepted;
  private volatile String upgradeAuthorization;
  private volatile boolean initReceived;
  private volatile Principal principal;
  private volatile boolean closed;
  private volatile WsSession session;
  private volatile Thread initTimer;

  public GraphqlWsConnection(
      Authenticator authenticator, GraphqlEngine engine, Duration initTimeout) {
    this.authenticator = authenticator;
    this.engine = engine;
    this.initTimeout = initTimeout;
  }

  @Override
  public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) {
    upgradeAuthorization = headers.value(HeaderNames.AUTHORIZATION).orElse(null);
    var protocols = String.join(",", headers.values(HeaderNames.create("Sec-WebSocket-Protocol")));
    for (String offered : protocols.split(",")) {
      if (offered.trim().equals(SUBPROTOCOL)) {
        subprotocolAccepted = true;
        WritableHeaders<?> answer = WritableHeaders.create();
        answer.set(HeaderNames.create("Sec-WebSocket-Protocol"), SUBPROTOCOL);
        return Optional.of(answer);
      }
    }
    return Optional.empty();
  }

  @Override
  public void onOpen(WsSession session) {
    this.session = session;
    if (!subprotocolAccepted) {
      close(CloseCodes.SUBPROTOCOL_NOT_ACCEPTABLE, "Subprotocol not acceptable");
      return;
    }
    initTimer =
        Thread.ofVirtual()
            .name("tes-graphql-ws-init")
            .start(
                () -> {
                  try {
                    Thread.sleep(initTimeout);
                    if (!initReceived) {
                      close(CloseCodes.INIT_TIMEOUT, "Connection initialisation timeout");
                    }
                  } catch (InterruptedException e) {
                    // the connection closed first
                  }
                });
  }

  @Override
  public void onMessage(WsSession session, String text, boolean last) {
    partial.append(text);
    if (!last) {
      return;
    }
    String whole = partial.toString();
    partial.setLength(0);
    if (closed) {
      return;
    }
    try {
      ObjectNode message = Messages.parse(whole);
      switch (Messages.type(message)) {
        case "connection_init" -> init(message);
        case "ping" -> send(Messages.of("pong"));
        case "pong" -> {}
        case "subscribe" -> subscribe(message);
        case "complete" -> {
          OperationSink sink = operations.remove(Messages.id(message));
          if (sink != null) {
            sink.cancel();
          }
        }
        default ->
            throw new Messages.Invalid(
                "Invalid message received: unknown type '" + Messages.type(message) + "'");
      }
    } catch (Messages.Invalid e) {
      close(CloseCodes.BAD_REQUEST, e.getMessage());
    }
  }

  private void init(ObjectNode message) {
    if (initReceived) {
      close(CloseCodes.TOO_MANY_INITS, "Too many initialisation requests");
      return;
    }
    initReceived = true;
    if (initTimer != null) {
      initTimer.interrupt();
    }
    try {
      principal = authenticator.authenticate(authorization(message.get("payload")));
      send(Messages.of("connection_ack"));
    } catch (ProblemException e) {
      close(CloseCodes.FORBIDDEN, "Forbidden");
    }
  }

  private String authorization(JsonNode payload) {
    if (payload != null && payload.isObject()) {
      for (String name : List.of("authorization", "Authorization", "apiKey")) {
        JsonNode value = payload.get(name);
        if (value != null && value.isString()) {
          String text = value.stringValue();
          return text.regionMatches(true, 0, "bearer ", 0, 7) ? text : "Bearer " + text;
        }
      }
    }
    return upgradeAuthorization;
  }

  private void subscribe(ObjectNode message) throws Messages.Invalid {
    if (principal == null) {
      close(CloseCodes.UNAUTHORIZED, "Unauthorized");
      return;
    }
    String id = Messages.id(message);
    GraphqlRequest request = Messages.subscribePayload(message);
    var sink = new OperationSink(id, this);
    if (operations.putIfAbsent(id, sink) != null) {
      close(CloseCodes.SUBSCRIBER_EXISTS, "Subscriber for " + id + " already exists");
      return;
    }
    switch (engine.prepare(request)) {
      case GraphqlEngine.Rejected rejected -> fail(id, rejected.errors());
      case GraphqlEngine.Ready ready -> start(id, sink, request, ready);
    }
  }

  private void start(
      String id, OperationSink sink, GraphqlRequest request, GraphqlEngine.Ready ready) {
    Scope needed = ready.kind() == Operation.MUTATION ? Scope.INGEST : Scope.READ;
    if (!principal.has(needed)) {
      fail(
          id,
          List.of(
              Errors.of(
                  ErrorCode.FORBIDDEN,
                  "The API key of client '"
                      + principal.clientId()
                      + "' lacks the '"
                      + needed.wireName()
                      + "' scope.")));
      return;
    }
    if (ready.kind() != Operation.SUBSCRIPTION) {
      // Queries and mutations get one result; they run off the connection's reading thread.
      Thread.ofVirtual()
          .name("tes-graphql-ws-op")
          .start(
              () -> {
                ExecutionResult result = engine.execute(ready, request, principal);
                if (operations.remove(id, sink)) {
                  send(Messages.withId("next", id, result.toSpecification()));
                  send(Messages.complete(id));
                }
              });
      return;
    }
    ExecutionResult result = engine.subscribe(ready, request, principal);
    if (!(result.getData() instanceof Publisher<?> publisher)) {
      fail(id, result.getErrors());
      return;
    }
    @SuppressWarnings("unchecked")
    Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) publisher;
    results.subscribe(sink);
  }

  private void fail(String id, List<GraphQLError> errors) {
    operations.remove(id);
    send(Messages.error(id, errors.stream().map(GraphQLError::toSpecification).toList()));
  }

  /** Called by a sink whose stream ended on its own. */
  void finished(String id, OperationSink sink) {
    if (operations.remove(id, sink)) {
      send(Messages.complete(id));
    }
  }

  /** Sends one message; sends from subscription threads and the reader must not interleave. */
  void send(String text) {
    if (closed) {
      return;
    }
    sending.lock();
    try {
      session.send(text, true);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "sending on a closed WebSocket", e);
      stopAll();
    } finally {
      sending.unlock();
    }
  }

  private void close(int code, String reason) {
    sending.lock();
    try {
      if (!closed) {
        closed = true;
        session.close(code, reason);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "closing a WebSocket", e);
    } finally {
      sending.unlock();
    }
    stopAll();
  }

  private void stopAll() {
    closed = true;
    if (initTimer != null) {
      initTimer.interrupt();
    }
    operations.values().forEach(OperationSink::cancel);
    operations.clear();
  }

  @Override
  public void onClose(WsSession session, int status, String reason) {
    stopAll();
  }

  @Override
  public void onError(WsSession session, Throwable t) {
    LOG.log(Level.DEBUG, "WebSocket error", t);
    stopAll();
  }
}
