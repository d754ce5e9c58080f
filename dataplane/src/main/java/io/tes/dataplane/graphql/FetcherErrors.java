package io.tes.dataplane.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import io.tes.dataplane.http.ProblemException;
import io.tes.dataplane.sqlite.SqliteException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns what a data fetcher throws into a field error with a stable code: our faults as they are,
 * the REST layer's problems by their type, database failures as UNAVAILABLE, anything else as an
 * INTERNAL_ERROR that is logged but not described to the client.
 */
final class FetcherErrors implements DataFetcherExceptionHandler {
  private static final System.Logger LOG = System.getLogger(FetcherErrors.class.getName());

  @Override
  public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
      DataFetcherExceptionHandlerParameters parameters) {
    Throwable thrown = parameters.getException();
    if (thrown instanceof CompletionException && thrown.getCause() != null) {
      thrown = thrown.getCause();
    }
    var extensions = new LinkedHashMap<String, Object>();
    String message;
    switch (thrown) {
      case GraphqlFault fault -> {
        extensions.put("code", fault.code().name());
        extensions.putAll(fault.extensions());
        message = fault.getMessage();
      }
      case ProblemException problem -> {
        extensions.put("code", codeOf(problem).name());
        extensions.putAll(problem.problem().extensions());
        message = problem.problem().detail();
      }
      case InterruptedException e -> {
        // The request ran out of time and was cancelled; its answer is already sent.
        extensions.put("code", ErrorCode.TIMEOUT.name());
        message = "The request was cancelled at its time limit.";
      }
      case SqliteException e -> {
        LOG.log(Level.WARNING, "database failure in " + parameters.getPath(), e);
        extensions.put("code", ErrorCode.UNAVAILABLE.name());
        message = "The database failed to answer; retry shortly.";
      }
      default -> {
        LOG.log(Level.ERROR, "unexpected failure in " + parameters.getPath(), thrown);
        extensions.put("code", ErrorCode.INTERNAL_ERROR.name());
        message = "An unexpected error occurred; it was logged.";
      }
    }
    GraphQLError error =
        GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment())
            .message(message)
            .extensions(extensions)
            .build();
    return CompletableFuture.completedFuture(
        DataFetcherExceptionHandlerResult.newResult(error).build());
  }

  private static ErrorCode codeOf(ProblemException problem) {
    String type = problem.problem().type();
    String slug = type.substring(type.lastIndexOf('/') + 1);
    return switch (slug) {
      case "invalid-parameter", "invalid-event" -> ErrorCode.BAD_USER_INPUT;
      case "projection-behind" -> ErrorCode.PROJECTION_BEHIND;
      case "unauthenticated" -> ErrorCode.UNAUTHENTICATED;
      case "forbidden" -> ErrorCode.FORBIDDEN;
      case "unavailable" -> ErrorCode.UNAVAILABLE;
      default -> ErrorCode.INTERNAL_ERROR;
    };
  }
}
