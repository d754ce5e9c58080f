package io.tes.dataplane.processor;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tes.dataplane.auth.Authenticator;
import io.tes.dataplane.auth.Scope;
import io.tes.dataplane.http.Json;
import io.tes.dataplane.http.ProblemType;
import io.tes.dataplane.http.QueryParams;
import io.tes.dataplane.http.Responses;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dead-letter admin API (scope {@code admin}): {@code GET /v1/admin/dead-letters}, {@code GET
 * /v1/admin/dead-letters/{id}}, {@code POST /v1/admin/dead-letters/{id}/retry}.
 */
public final class DeadLetterService implements HttpService {
  private final Authenticator authenticator;
  private final StateStore state;
  private final Map<String, ProcessorRunner> runners;

  public DeadLetterService(
      Authenticator authenticator, StateStore state, List<ProcessorRunner> runners) {
    this.authenticator = authenticator;
    this.state = state;
    this.runners =
        runners.stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    ProcessorRunner::processorName, Function.identity()));
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/dead-letters", this::list)
        .get("/dead-letters/{id}", this::one)
        .post("/dead-letters/{id}/retry", this::retry);
  }

  private void authorize(ServerRequest req) {
    authenticator.require(req, Scope.ADMIN);
  }

  private void list(ServerRequest req, ServerResponse res) {
    authorize(req);
    String processor = QueryParams.stringParam(req, "processor");
    String status = req.query().first("status").orElse("open");
    if (!status.equals("open") && !status.equals("all")) {
      throw ProblemType.INVALID_PARAMETER
          .problem("Query parameter 'status' must be open or all, was '" + status + "'.")
          .with("parameter", "status")
          .toException();
    }
    long before = QueryParams.longParam(req, "before", Long.MAX_VALUE, 1, Long.MAX_VALUE);
    int limit = (int) QueryParams.longParam(req, "limit", 100, 1, 1000);
    List<DeadLetter> page =
        state
            .readers()
            .query(c -> DeadLetters.list(c, processor, status.equals("open"), before, limit));
    var body = Json.mapper().createObjectNode();
    var items = body.putArray("deadLetters");
    page.forEach(d -> items.add(json(d)));
    if (page.size() == limit) {
      body.put("nextBefore", page.getLast().id());
    }
    Responses.json(res, 200, body);
  }

  private void one(ServerRequest req, ServerResponse res) {
    authorize(req);
    Responses.json(res, 200, json(find(req)));
  }

  private void retry(ServerRequest req, ServerResponse res) throws SQLException {
    authorize(req);
    DeadLetter deadLetter = find(req);
    if (deadLetter.resolvedAt() != null) {
      throw ProblemType.ALREADY_RESOLVED.exception(
          "Dead letter " + deadLetter.id() + " was resolved at " + deadLetter.resolvedAt() + ".");
    }
    ProcessorRunner runner = runners.get(deadLetter.processor());
    if (runner == null) {
      throw ProblemType.UNAVAILABLE.exception(
          "Processor '" + deadLetter.processor() + "' does not run in this process.");
    }
    String error = runner.retryDeadLetter(deadLetter);
    DeadLetter after = state.readers().query(c -> DeadLetters.find(c, deadLetter.id())).get();
    var body = Json.mapper().createObjectNode();
    body.put("outcome", error == null ? "resolved" : "failed");
    if (error != null) {
      body.put("error", error);
    }
    body.set("deadLetter", json(after));
    Responses.json(res, 200, body);
  }

  private DeadLetter find(ServerRequest req) {
    String text = req.path().pathParameters().get("id");
    long id;
    try {
      id = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ProblemType.NOT_FOUND.exception("There is no dead letter '" + text + "'.");
    }
    return state
        .readers()
        .query(c -> DeadLetters.find(c, id))
        .orElseThrow(() -> ProblemType.NOT_FOUND.exception("There is no dead letter " + id + "."));
  }

  static ObjectNode json(DeadLetter d) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("id", d.id());
    node.put("processor", d.processor());
    node.put("position", d.position());
    node.put("status", d.resolvedAt() == null ? "open" : "resolved");
    node.put("error", d.error());
    node.put("attempts", d.attempts());
    node.put("firstFailedTime", d.firstFailedAt().toString());
    node.put("lastFailedTime", d.lastFailedAt().toString());
    if (d.resolvedAt() != null) {
      node.put("resolvedTime", d.resolvedAt().toString());
    }
    node.set("event", d.event());
    return node;
  }
}
