package io.tes.dataplane.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.RawVariables;
import graphql.execution.UnknownOperationException;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLSchema;
import io.tes.dataplane.auth.Principal;
import io.tes.dataplane.config.GraphqlSettings;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.dataloader.DataLoaderRegistry;

/**
 * Runs GraphQL requests for every transport: prepare (parse and validate, cached; choose the
 * operation; check introspection, depth, cost and page sizes) and then execute within the tenant's
 * time limit. A request that fails preparation never executes, so it has no {@code data}.
 */
public final class GraphqlEngine {
  private static final System.Logger LOG = System.getLogger(GraphqlEngine.class.getName());
  private static final int CACHED_DOCUMENTS = 512;

  private final GraphQL graphql;
  private final GraphQLSchema schema;
  private final GraphqlSettings settings;
  private final QueryLimits limits;
  private final DocumentCache documents;
  private final Supplier<DataLoaderRegistry> loaders;

  /** The outcome of preparation. */
  public sealed interface Prepared {}

  /** A request ready to execute. */
  public record Ready(Document document, OperationDefinition operation) implements Prepared {
    public OperationDefinition.Operation kind() {
      return operation.getOperation();
    }
  }

  /** A request refused before execution; its errors carry codes. */
  public record Rejected(List<GraphQLError> errors) implements Prepared {}

  public GraphqlEngine(
      GraphQLSchema schema,
      GraphqlSettings settings,
      int defaultPageSize,
      Supplier<DataLoaderRegistry> loaders) {
    this.schema = schema;
    this.settings = settings;
    this.limits = new QueryLimits(schema, settings, defaultPageSize);
    this.documents = new DocumentCache(schema, CACHED_DOCUMENTS);
    this.loaders = loaders;
    this.graphql =
        GraphQL.newGraphQL(schema)
            .defaultDataFetcherExceptionHandler(new FetcherErrors())
            // The document was parsed and validated in prepare(); graphql-java need not redo it.
            .preparsedDocumentProvider(
                (input, parseAndValidate) -> {
                  Document prepared = input.getGraphQLContext().get(Document.class);
                  return CompletableFuture.completedFuture(
                      prepared != null
                          ? new PreparsedDocumentEntry(prepared)
                          : parseAndValidate.apply(input));
                })
            .build();
  }

  public GraphQLSchema schema() {
    return schema;
  }

  public Prepared prepare(GraphqlRequest request) {
    DocumentCache.Checked checked = documents.get(request.query());
    if (!checked.errors().isEmpty()) {
      return new Rejected(checked.errors());
    }
    Document document = checked.document();
    OperationDefinition operation;
    try {
      operation = NodeUtil.getOperation(document, request.operationName()).operationDefinition;
    } catch (UnknownOperationException e) {
      return new Rejected(List.of(Errors.of(ErrorCode.OPERATION_NOT_FOUND, e.getMessage())));
    }
    Optional<GraphQLError> introspection = limits.checkIntrospection(document, operation);
    if (introspection.isPresent()) {
      return new Rejected(List.of(introspection.get()));
    }
    ExecutableNormalizedOperation normalized;
    try {
      normalized =
          ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
              schema, document, request.operationName(), RawVariables.of(request.variables()));
    } catch (RuntimeException e) {
      if (e instanceof GraphQLError coercion) {
        // A variable's value does not fit its type: a request error, as in execution.
        return new Rejected(List.of(Errors.withCode(coercion, ErrorCode.BAD_USER_INPUT)));
      }
      throw e;
    }
    return limits
        .check(normalized)
        .<Prepared>map(error -> new Rejected(List.of(error)))
        .orElseGet(() -> new Ready(document, operation));
  }

  /** Executes a query or mutation within the tenant's time limit. */
  public ExecutionResult execute(Ready ready, GraphqlRequest request, Principal principal) {
    Duration timeout = Duration.ofMillis(settings.timeoutMillis());
    ExecutionInput input = input(ready, request, new RequestContext(principal), loaders.get());
    // On a thread of its own, so a request that overruns can be cancelled and answered at once.
    var task = new FutureTask<>(() -> graphql.execute(input));
    Thread.ofVirtual().name("tes-graphql").start(task);
    try {
      return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      input.cancel();
      task.cancel(true);
      return failed(
          Errors.of(
              ErrorCode.TIMEOUT,
              "The request ran longer than this tenant's limit of "
                  + settings.timeoutMillis()
                  + " ms and was cancelled.",
              Map.of("timeoutMillis", settings.timeoutMillis())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      input.cancel();
      task.cancel(true);
      return failed(Errors.of(ErrorCode.UNAVAILABLE, "The server is shutting down; retry."));
    } catch (ExecutionException e) {
      LOG.log(Level.ERROR, "GraphQL execution failed", e.getCause());
      return failed(
          Errors.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred; it was logged."));
    }
  }

  /**
   * Starts a subscription (or runs a query or mutation sent over a WebSocket, on the caller's
   * thread). Subscription events run without data loaders: each event is one small result.
   */
  public ExecutionResult subscribe(Ready ready, GraphqlRequest request, Principal principal) {
    return graphql.execute(
        input(ready, request, new RequestContext(principal), new DataLoaderRegistry()));
  }

  private static ExecutionInput input(
      Ready ready, GraphqlRequest request, RequestContext context, DataLoaderRegistry registry) {
    return ExecutionInput.newExecutionInput(request.query())
        .operationName(request.operationName())
        .variables(request.variables())
        .extensions(request.extensions())
        .graphQLContext(Map.of(RequestContext.class, context, Document.class, ready.document()))
        .dataLoaderRegistry(registry)
        .build();
  }

  static ExecutionResult failed(GraphQLError error) {
    return ExecutionResult.newExecutionResult().addError(error).build();
  }
}
