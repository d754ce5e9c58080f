package io.tes.dataplane.graphql.schema;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import io.tes.dataplane.auth.RateLimiter;
import io.tes.dataplane.config.TenantConfig;
import io.tes.dataplane.graphql.feed.LogTail;
import io.tes.dataplane.ingest.Ingestion;
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.observe.Metrics;
import io.tes.dataplane.processor.Progress;
import io.tes.dataplane.projection.Projector;
import io.tes.dataplane.projection.ThingStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The executable schema: the published SDL ({@code schemas/tes.graphql}, shipped on the class path)
 * wired to the data plane. The file is the single source of the schema, so what is published is
 * what is served.
 */
public final class TesSchema {
  public static final String RESOURCE = "/schemas/tes.graphql";

  /** What the fetchers read from and write to. */
  public record Backend(
      TenantConfig config,
      EventLog log,
      ThingStore things,
      Projector projector,
      Progress progress,
      LogTail tail,
      RateLimiter rateLimiter,
      Ingestion ingestion,
      Metrics metrics,
      Loaders loaders) {}

  private TesSchema() {}

  /** The SDL text as published. */
  public static String sdl() {
    try (InputStream in = TesSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static GraphQLSchema build(Backend backend, int defaultPageSize) {
    TypeDefinitionRegistry types = new SchemaParser().parse(sdl());
    RuntimeWiring.Builder wiring =
        RuntimeWiring.newRuntimeWiring()
            .scalar(Scalars.LONG)
            .scalar(Scalars.DATE_TIME)
            .scalar(Scalars.JSON);
    var events = new EventQueries(backend.log(), backend.loaders(), defaultPageSize);
    events.wire(wiring);
    new EventFields(backend.loaders()).wire(wiring);
    new ThingQueries(
            backend.things(),
            backend.log(),
            backend.projector(),
            backend.progress(),
            events,
            defaultPageSize)
        .wire(wiring);
    new Stats(backend.config().tenant(), backend.log(), backend.things(), backend.progress())
        .wire(wiring);
    new Mutations(
            new Emitter(
                backend.rateLimiter(),
                backend.ingestion(),
                backend.config().limits(),
                backend.metrics()))
        .wire(wiring);
    new Subscriptions(backend.log(), backend.tail(), backend.projector()).wire(wiring);
    for (String connection : java.util.List.of("EventConnection", "ThingConnection")) {
      wiring.type(
          TypeRuntimeWiring.newTypeWiring(connection)
              .dataFetcher("nodes", env -> ((Connection<?>) env.getSource()).nodes()));
    }
    return new SchemaGenerator().makeExecutableSchema(types, wiring.build());
  }
}
