package io.tes.dataplane;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.tes.dataplane.auth.Authenticator;
import io.tes.dataplane.auth.RateLimiter;
import io.tes.dataplane.config.TenantConfig;
import io.tes.dataplane.events.EventsReadService;
import io.tes.dataplane.http.ErrorHandling;
import io.tes.dataplane.http.MethodNotAllowed;
import io.tes.dataplane.ingest.EventIds;
import io.tes.dataplane.ingest.IngestService;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.observe.HealthCheck;
import io.tes.dataplane.observe.HealthService;
import io.tes.dataplane.observe.Metrics;
import io.tes.dataplane.observe.MetricsService;
import io.tes.dataplane.schema.EventSchemas;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;

/** One tenant's data plane: its log, its HTTP server, and everything between them. */
public final class DataPlane implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DataPlane.class.getName());

  private final TenantConfig config;
  private final EventLog log;
  private final WebServer server;

  private DataPlane(TenantConfig config, EventLog log, WebServer server) {
    this.config = config;
    this.log = log;
    this.server = server;
  }

  /** Opens the tenant's log and starts serving; returns once the server listens. */
  public static DataPlane start(Settings settings, TenantConfig config)
      throws IOException, SQLException {
    Clock clock = Clock.systemUTC();
    var metrics = new Metrics(config.tenant());
    // Compile schemas before opening anything, so a broken schema fails fast.
    var schemas = new EventSchemas(config.schemas());
    var log = EventLog.open(settings.dataDir(), config.durability(), clock, metrics);
    try {
      var authenticator = new Authenticator(config);
      var health = new HealthService();
      health.add(databaseCheck(log));

      var routing = HttpRouting.builder();
      ErrorHandling.register(routing);
      routing
          .register(
              "/v1",
              new IngestService(
                  authenticator,
                  new RateLimiter(config, System::nanoTime),
                  schemas,
                  log,
                  config.limits(),
                  metrics,
                  new EventIds(clock)))
          .register("/v1", new EventsReadService(authenticator, log))
          .any("/v1/events", MethodNotAllowed.allowing("GET", "POST"))
          .register("/health", health)
          .register("/metrics", new MetricsService(metrics.registry()));

      WebServer server =
          WebServer.builder()
              .host(settings.host())
              .port(settings.port())
              .directHandlers(ErrorHandling.directHandlers())
              .routing(routing)
              .build()
              .start();
      LOG.log(
          Level.INFO,
          "tenant ''{0}'' serving on http://{1}:{2} (data in {3}, durability {4})",
          config.tenant(),
          settings.host(),
          Integer.toString(server.port()),
          settings.dataDir().toAbsolutePath(),
          config.durability().name().toLowerCase(java.util.Locale.ROOT));
      return new DataPlane(config, log, server);
    } catch (RuntimeException e) {
      log.close();
      throw e;
    }
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
    return config;
  }

  public EventLog log() {
    return log;
  }

  /** Stops accepting requests, then commits what is queued and closes the database. */
  @Override
  public void close() {
    server.stop();
    log.close();
  }
}
