package io.tes.dataplane.projection;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tes.dataplane.auth.Authenticator;
import io.tes.dataplane.auth.Scope;
import io.tes.dataplane.http.Json;
import io.tes.dataplane.http.ProblemType;
import io.tes.dataplane.http.Responses;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/admin/projections/things/rebuild} starts a rebuild (202); {@code GET} on the same
 * path tells how the last one went. Scope {@code admin}.
 */
public final class RebuildService implements HttpService {
  private final Authenticator authenticator;
  private final ProjectionRebuild rebuild;

  public RebuildService(Authenticator authenticator, ProjectionRebuild rebuild) {
    this.authenticator = authenticator;
    this.rebuild = rebuild;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/projections/things/rebuild", this::start)
        .get("/projections/things/rebuild", this::status);
  }

  private void start(ServerRequest req, ServerResponse res) {
    authorize(req);
    ProjectionRebuild.Job job = rebuild.start();
    res.header(HeaderNames.LOCATION, "/v1/admin/projections/things/rebuild");
    Responses.json(res, 202, json(job));
  }

  private void status(ServerRequest req, ServerResponse res) {
    authorize(req);
    ProjectionRebuild.Job job = rebuild.current();
    if (job == null) {
      throw ProblemType.NOT_FOUND.exception("No rebuild has run since the data plane started.");
    }
    Responses.json(res, 200, json(job));
  }

  private void authorize(ServerRequest req) {
    authenticator.require(req, Scope.ADMIN);
  }

  private static ObjectNode json(ProjectionRebuild.Job job) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("id", job.id());
    node.put("status", job.status());
    node.put("startedTime", job.startedAt().toString());
    if (job.finishedAt() != null) {
      node.put("finishedTime", job.finishedAt().toString());
    }
    node.put("eventsFolded", job.eventsFolded());
    if (job.error() != null) {
      node.put("error", job.error());
    }
    return node;
  }
}
