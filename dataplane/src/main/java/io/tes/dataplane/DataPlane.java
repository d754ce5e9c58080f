package io.tes.dataplane;

import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.tes.dataplane.auth.Authenticator;
import io.tes.dataplane.auth.RateLimiter;
import io.tes.dataplane.config.TenantConfig;
import io.tes.dataplane.events.EventsReadService;
import io.tes.dataplane.graphql.GraphqlApi;
import io.tes.dataplane.http.ErrorHandling;
import io.tes.dataplane.http.MethodNotAllowed;
import io.tes.dataplane.ingest.EventIds;
import io.tes.dataplane.ingest.IngestService;
import io.tes.dataplane.ingest.Ingestion;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.nats.JetStreamLink;
import io.tes.dataplane.nats.TenantStream;
import io.tes.dataplane.observe.HealthCheck;
import io.tes.dataplane.observe.HealthService;
import io.tes.dataplane.observe.Metrics;
import io.tes.dataplane.observe.MetricsService;
import io.tes.dataplane.processor.DeadLetterService;
import io.tes.dataplane.processor.DeadLetters;
import io.tes.dataplane.processor.Processor;
import io.tes.dataplane.processor.ProcessorRunner;
import io.tes.dataplane.processor.Progress;
import io.tes.dataplane.processor.RetryPolicy;
import io.tes.dataplane.processor.StateStore;
import io.tes.dataplane.projection.ProjectionRebuild;
import io.tes.dataplane.projection.Projector;
import io.tes.dataplane.projection.RebuildService;
import io.tes.dataplane.projection.Reducers;
import io.tes.dataplane.projection.ThingStore;
import io.tes.dataplane.projection.ThingsService;
import io.tes.dataplane.relay.OutboxRelay;
import io.tes.dataplane.schema.EventSchemas;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One tenant's data plane: its log, its async phase and its HTTP server. The role decides which
 * parts run in this process: everything (default), the write side (ingest and relay), or the
 * processors (a worker beside the ingest process, on the same volume).
 */
public final class DataPlane implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DataPlane.class.getName());

  private final Parts parts;
  private final WebServer server;

  private DataPlane(Parts parts, WebServer server) {
    this.parts = parts;
    this.server = server;
  }

  /** What a data plane opened, closed in reverse order (also when start-up fails half way). */
  private static final class Parts implements AutoCloseable {
    TenantConfig config;
    EventLog log;
    StateStore state;
    JetStreamLink link;
    OutboxRelay relay;
    final List<ProcessorRunner> runners = new ArrayList<>();
    GraphqlApi graphql;

    @Override
    public void close() {
      if (relay != null) {
        relay.close();
      }
      runners.forEach(ProcessorRunner::close);
      if (link != null) {
        link.close();
      }
      if (state != null) {
        state.close();
      }
      if (log != null) {
        log.close();
      }
    }
  }

  public static DataPlane start(Settings settings, TenantConfig config) throws Exception {
    return start(settings, config, List.of());
  }

  /**
   * Opens the tenant's databases, starts the async phase and serves HTTP; returns once the server
   * listens.
   *
   * @param extraProcessors further processors to run beside the projector (tests use this)
   */
  public static DataPlane start(
      Settings settings, TenantConfig config, List<Processor> extraProcessors) throws Exception {
    Clock clock = Clock.systemUTC();
    Settings.Role role = settings.role();
    var metrics = new Metrics(config.tenant());
    // Compile schemas before opening anything, so a broken schema fails fast.
    var schemas = new EventSchemas(config.schemas());
    var parts = new Parts();
    parts.config = config;
    try {
      parts.log =
          role == Settings.Role.WORKER
              ? EventLog.openReadOnly(settings.dataDir())
              : EventLog.open(settings.dataDir(), config.durability(), clock, metrics);
      parts.state = StateStore.open(settings.dataDir());
      var stream = new TenantStream(config.tenant(), config.stream());
      if (settings.natsUrl() != null) {
        parts.link = new JetStreamLink(settings.natsUrl(), config.tenant());
      } else {
        LOG.log(
            Level.WARNING,
            "TES_NATS_URL is not set: events are stored and served, but nothing is projected");
      }
      if (parts.link != null && role != Settings.Role.WORKER) {
        parts.relay = new OutboxRelay(parts.log, parts.link, stream, metrics, 1000);
      }
      var projector = new Projector(new Reducers(config.projection().reducers()), parts.log);
      if (parts.link != null && role != Settings.Role.INGEST) {
        var processors = new ArrayList<Processor>(List.of(projector));
        processors.addAll(extraProcessors);
        for (Processor processor : processors) {
          parts.runners.add(
              new ProcessorRunner(
                  processor,
                  parts.link,
                  stream,
                  parts.state,
                  parts.log,
                  RetryPolicy.DEFAULT,
                  metrics,
                  clock));
        }
      }
      WebServer server =
          WebServer.builder()
              .host(settings.host())
              .port(settings.port())
              .directHandlers(ErrorHandling.directHandlers())
              // Clients send filter[field]=... with raw brackets, as browsers and curl do; strict
              // RFC 3986 checks of the request line would refuse them before routing.
              .addProtocol(Http1Config.builder().validatePrologue(false).build())
              // Without TCP_NODELAY a response of more than one segment waits for the client's
              // delayed ACK (about 40 ms): pages of events or things would pay it every time.
              .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
              .routing(routing(settings, config, parts, projector, schemas, metrics, clock))
              .addRouting(parts.graphql.websocket())
              .build()
              .start();
      LOG.log(
          Level.INFO,
          "tenant ''{0}'' ({1}) serving on http://{2}:{3} (data in {4}, durability {5})",
          config.tenant(),
          role.name().toLowerCase(Locale.ROOT),
          settings.host(),
          Integer.toString(server.port()),
          settings.dataDir().toAbsolutePath(),
          config.durability().name().toLowerCase(Locale.ROOT));
      return new DataPlane(parts, server);
    } catch (Exception | Error e) {
      parts.close();
      throw e;
    }
  }

  private static HttpRouting.Builder routing(
      Settings settings,
      TenantConfig config,
      Parts parts,
      Projector projector,
      EventSchemas schemas,
      Metrics metrics,
      Clock clock) {
    var authenticator = new Authenticator(config);
    var health = new HealthService();
    health.add(databaseCheck(parts.log));
    var routing = HttpRouting.builder();
    var rateLimiter = new RateLimiter(config, System::nanoTime);
    var ingestion = new Ingestion(schemas, parts.log, new EventIds(clock));
    ErrorHandling.register(routing);
    if (settings.role() != Settings.Role.WORKER) {
      routing.register(
          "/v1",
          new IngestService(authenticator, rateLimiter, ingestion, config.limits(), metrics));
    }
    routing
        .register("/v1", new EventsReadService(authenticator, parts.log))
        .any("/v1/events", MethodNotAllowed.allowing("GET", "POST"));

    ProcessorRunner projectorRunner =
        parts.runners.stream()
            .filter(r -> r.processorName().equals(Projector.NAME))
            .findFirst()
            .orElse(null);
    Progress progress =
        projectorRunner != null
            ? projectorRunner.progress()
            : Progress.remote(() -> parts.state.checkpoint(Projector.NAME));
    routing.register(
        "/v1", new ThingsService(authenticator, new ThingStore(parts.state.readers()), progress));
    parts.graphql =
        GraphqlApi.create(
            new GraphqlApi.Parts(
                config,
                authenticator,
                rateLimiter,
                ingestion,
                parts.log,
                settings.role() != Settings.Role.WORKER,
                projector,
                new ThingStore(parts.state.readers()),
                progress,
                metrics));
    routing.register(parts.graphql.http());
    routing.register("/v1/admin", new DeadLetterService(authenticator, parts.state, parts.runners));
    if (projectorRunner != null) {
      var rebuild =
          new ProjectionRebuild(parts.log, parts.state, projectorRunner, projector, clock);
      routing.register("/v1/admin", new RebuildService(authenticator, rebuild));
    }

    if (parts.relay != null) {
      health.add(parts.relay);
    }
    parts.runners.forEach(health::add);
    metrics.openDeadLetters(
        parts.runners.stream().map(ProcessorRunner::processorName).toList(),
        name -> parts.state.readers().query(c -> DeadLetters.countOpen(c, name)));
    routing
        .register("/health", health)
        .register("/metrics", new MetricsService(metrics.registry()));
    return routing;
  }

  private static HealthCheck databaseCheck(EventLog log) {
    return new HealthCheck() {
      @Override
      public String name() {
        return "database";
      }

      @Override
      public Result check() {
        try {
          return Result.up("head position " + log.headPosition());
        } catch (RuntimeException e) {
          return Result.down(e.getMessage());
        }
      }
    };
  }

  public int port() {
    return server.port();
  }

  public TenantConfig config() {
    return parts.config;
  }

  public EventLog log() {
    return parts.log;
  }

  public StateStore state() {
    return parts.state;
  }

  /** The relay, or null when this process does not run one. */
  public OutboxRelay relay() {
    return parts.relay;
  }

  public List<ProcessorRunner> runners() {
    return List.copyOf(parts.runners);
  }

  /** Stops accepting requests, lets the async phase finish its batch, closes the databases. */
  @Override
  public void close() {
    server.stop();
    parts.close();
  }
}
