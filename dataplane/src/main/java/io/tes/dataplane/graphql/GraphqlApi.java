package io.tes.dataplane.graphql;

import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.websocket.WsRouting;
import io.tes.dataplane.auth.Authenticator;
import io.tes.dataplane.auth.RateLimiter;
import io.tes.dataplane.config.TenantConfig;
import io.tes.dataplane.graphql.feed.LogTail;
import io.tes.dataplane.graphql.http.GraphqlHttpService;
import io.tes.dataplane.graphql.schema.Loaders;
import io.tes.dataplane.graphql.schema.TesSchema;
import io.tes.dataplane.graphql.ws.GraphqlWebSocket;
import io.tes.dataplane.ingest.Ingestion;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.observe.Metrics;
import io.tes.dataplane.processor.Progress;
import io.tes.dataplane.projection.Projector;
import io.tes.dataplane.projection.ThingStore;

/**
 * The tenant GraphQL API at {@code /graphql}: over HTTP (GraphQL over HTTP) and over WebSocket
 * (graphql-transport-ws), one schema and one engine behind both.
 */
public final class GraphqlApi {
  /** Room for the GraphQL document and variables around a batch of the largest size. */
  private static final int ENVELOPE_BYTES = 64 * 1024;

  private static final int DEFAULT_PAGE_SIZE = 50;

  private final GraphqlHttpService http;
  private final WsRouting.Builder websocket;
  private final GraphqlEngine engine;

  private GraphqlApi(GraphqlHttpService http, WsRouting.Builder websocket, GraphqlEngine engine) {
    this.http = http;
    this.websocket = websocket;
    this.engine = engine;
  }

  /** What the API reads and writes; the ingest collaborators are those of POST /v1/events. */
  public record Parts(
      TenantConfig config,
      Authenticator authenticator,
      RateLimiter rateLimiter,
      Ingestion ingestion,
      EventLog log,
      boolean logWritable,
      Projector projector,
      ThingStore things,
      Progress progress,
      Metrics metrics) {}

  public static GraphqlApi create(Parts parts) {
    LogTail tail =
        parts.logWritable() ? LogTail.listeningTo(parts.log()) : LogTail.polling(parts.log());
    var loaders = new Loaders(parts.log(), parts.things());
    int defaultPageSize = Math.min(DEFAULT_PAGE_SIZE, parts.config().graphql().maxPageSize());
    var schema =
        TesSchema.build(
            new TesSchema.Backend(
                parts.config(),
                parts.log(),
                parts.things(),
                parts.projector(),
                parts.progress(),
                tail,
                parts.rateLimiter(),
                parts.ingestion(),
                parts.metrics(),
                loaders),
            defaultPageSize);
    var engine =
        new GraphqlEngine(schema, parts.config().graphql(), defaultPageSize, loaders::registry);
    return new GraphqlApi(
        new GraphqlHttpService(
            parts.authenticator(),
            engine,
            parts.config().limits().maxBatchBytes() + ENVELOPE_BYTES),
        GraphqlWebSocket.routing(GraphqlHttpService.PATH, parts.authenticator(), engine),
        engine);
  }

  /** The HTTP routes, registered at the root (they serve {@code /graphql} only). */
  public HttpService http() {
    return http;
  }

  /** The WebSocket routing, added to the server beside the HTTP routing. */
  public WsRouting.Builder websocket() {
    return websocket;
  }

  public GraphqlEngine engine() {
    return engine;
  }
}
