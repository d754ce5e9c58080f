package io.tes.dataplane.graphql.http;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.OperationDefinition.Operation;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tes.dataplane.auth.Authenticator;
import io.tes.dataplane.auth.Principal;
import io.tes.dataplane.auth.Scope;
import io.tes.dataplane.graphql.ErrorCode;
import io.tes.dataplane.graphql.Errors;
import io.tes.dataplane.graphql.GraphqlEngine;
import io.tes.dataplane.graphql.GraphqlRequest;
import io.tes.dataplane.http.Json;
import io.tes.dataplane.http.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * {@code /graphql} over HTTP, as the GraphQL over HTTP spec has it: POST with a JSON body, GET for
 * queries only, responses as {@code application/graphql-response+json} or {@code application/json}.
 * Under graphql-response+json a request that never executed (it did not parse, validate or pass the
 * limits) is a 400 without {@code data}; under plain JSON it is a 200, as legacy clients expect.
 * Refusals before GraphQL (auth, media types, methods) have their HTTP status and a GraphQL-shaped
 * body with a code.
 */
public final class GraphqlHttpService implements HttpService {
  public static final String PATH = "/graphql";

  private final Authenticator authenticator;
  private final GraphqlEngine engine;
  private final int maxBodyBytes;

  public GraphqlHttpService(Authenticator authenticator, GraphqlEngine engine, int maxBodyBytes) {
    this.authenticator = authenticator;
    this.engine = engine;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get(PATH, (req, res) -> handle(req, res, true))
        .post(PATH, (req, res) -> handle(req, res, false))
        .any(
            PATH,
            (req, res) ->
                reject(
                    res,
                    ResponseType.JSON,
                    new HttpRejection(
                        405,
                        ErrorCode.METHOD_NOT_ALLOWED,
                        "Use POST, or GET for queries.",
                        Map.of("Allow", "GET, POST"))));
  }

  private void handle(ServerRequest req, ServerResponse res, boolean get) {
    ResponseType type =
        ResponseType.negotiate(req.headers().value(HeaderNames.ACCEPT).orElse(null));
    if (type == null) {
      reject(
          res,
          ResponseType.JSON,
          new HttpRejection(
              406,
              ErrorCode.NOT_ACCEPTABLE,
              "Accept application/graphql-response+json or application/json."));
      return;
    }
    try {
      Principal principal = authenticate(req);
      GraphqlRequest request =
          get ? RequestDecoding.fromQuery(req) : RequestDecoding.fromBody(req, maxBodyBytes);
      switch (engine.prepare(request)) {
        case GraphqlEngine.Rejected rejected -> notExecuted(res, type, rejected.errors());
        case GraphqlEngine.Ready ready -> execute(res, type, get, principal, request, ready);
      }
    } catch (HttpRejection e) {
      reject(res, type, e);
    }
  }

  private void execute(
      ServerResponse res,
      ResponseType type,
      boolean get,
      Principal principal,
      GraphqlRequest request,
      GraphqlEngine.Ready ready) {
    Operation kind = ready.kind();
    if (kind == Operation.SUBSCRIPTION) {
      notExecuted(
          res,
          type,
          List.of(
              Errors.of(
                  ErrorCode.SUBSCRIPTION_OVER_HTTP,
                  "Subscriptions are served over WebSocket at "
                      + PATH
                      + " with the graphql-transport-ws protocol.")));
      return;
    }
    if (get && kind == Operation.MUTATION) {
      throw new HttpRejection(
          405,
          ErrorCode.METHOD_NOT_ALLOWED,
          "Mutations are sent with POST; GET runs queries only.",
          Map.of("Allow", "POST"));
    }
    Scope needed = kind == Operation.MUTATION ? Scope.INGEST : Scope.READ;
    if (!principal.has(needed)) {
      throw new HttpRejection(
          403,
          ErrorCode.FORBIDDEN,
          "The API key of client '"
              + principal.clientId()
              + "' lacks the '"
              + needed.wireName()
              + "' scope that "
              + (kind == Operation.MUTATION ? "mutations" : "queries")
              + " need.");
    }
    ExecutionResult result = engine.execute(ready, request, principal);
    int status = 200;
    if (!result.isDataPresent() && type == ResponseType.GRAPHQL_RESPONSE) {
      boolean timedOut =
          result.getErrors().stream()
              .anyMatch(e -> ErrorCode.TIMEOUT.name().equals(Errors.codeOf(e)));
      status = timedOut ? 504 : 400;
    }
    write(res, type, status, result.toSpecification());
  }

  private Principal authenticate(ServerRequest req) {
    try {
      return authenticator.authenticate(
          req.headers().value(HeaderNames.AUTHORIZATION).orElse(null));
    } catch (ProblemException e) {
      throw new HttpRejection(
          401, ErrorCode.UNAUTHENTICATED, e.getMessage(), Map.of("WWW-Authenticate", "Bearer"));
    }
  }

  /** A request error: nothing executed, so the response has no {@code data}. */
  private static void notExecuted(
      ServerResponse res, ResponseType type, List<GraphQLError> errors) {
    int status = type == ResponseType.GRAPHQL_RESPONSE ? 400 : 200;
    write(res, type, status, Map.of("errors", specification(errors)));
  }

  private static void reject(ServerResponse res, ResponseType type, HttpRejection rejection) {
    rejection.headers().forEach((name, value) -> res.header(name, value));
    write(
        res,
        type,
        rejection.status(),
        Map.of(
            "errors", specification(List.of(Errors.of(rejection.code(), rejection.getMessage())))));
  }

  private static List<Map<String, Object>> specification(List<GraphQLError> errors) {
    return errors.stream().map(GraphQLError::toSpecification).toList();
  }

  private static void write(ServerResponse res, ResponseType type, int status, Object body) {
    res.status(Status.create(status));
    res.header(HeaderNames.CONTENT_TYPE, type.contentType());
    res.send(Json.mapper().writeValueAsBytes(body));
  }
}
