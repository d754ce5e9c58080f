package io.tes.dataplane.projection;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tes.dataplane.auth.Authenticator;
import io.tes.dataplane.auth.Scope;
import io.tes.dataplane.http.Json;
import io.tes.dataplane.http.MethodNotAllowed;
import io.tes.dataplane.http.PathTail;
import io.tes.dataplane.http.ProblemType;
import io.tes.dataplane.http.QueryParams;
import io.tes.dataplane.http.Responses;
import io.tes.dataplane.processor.Progress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/things/{id}} and {@code GET /v1/things}. Both take {@code position}: the read
 * waits (bounded by {@code timeoutMs}) until the projection has applied that log position, so a
 * client reads its own writes.
 */
public final class ThingsService implements HttpService {
  static final int MAX_PAGE = 1000;
  private static final long MAX_WAIT_MILLIS = 30_000;

  private final Authenticator authenticator;
  private final ThingStore store;
  private final Progress progress;

  public ThingsService(Authenticator authenticator, ThingStore store, Progress progress) {
    this.authenticator = authenticator;
    this.store = store;
    this.progress = progress;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/things", this::list)
        .any("/things", MethodNotAllowed.allowing("GET"))
        .get("/things/*", this::one)
        .any("/things/*", MethodNotAllowed.allowing("GET"));
  }

  private void one(ServerRequest req, ServerResponse res) throws InterruptedException {
    authenticator.require(req, Scope.READ);
    String id =
        PathTail.between(
            req.path().absolute().rawPath(),
            "/v1/things/",
            "",
            "A thing is at /v1/things/{id} (percent-encode '/' as %2F).");
    awaitPosition(req);
    Thing thing =
        store
            .find(id)
            .orElseThrow(() -> ProblemType.NOT_FOUND.exception("No thing has id '" + id + "'."));
    if (thing.deleted()) {
      throw ProblemType.THING_DELETED
          .problem("Thing '" + id + "' was deleted at version " + thing.version() + ".")
          .with("version", thing.version())
          .toException();
    }
    Responses.json(res, 200, ThingJson.of(thing));
  }

  private void list(ServerRequest req, ServerResponse res) throws InterruptedException {
    authenticator.require(req, Scope.READ);
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String name : req.query().names()) {
      params.put(name, req.query().all(name));
    }
    ThingQuery query = ThingQuery.fromParameters(params, MAX_PAGE);
    long applied = awaitPosition(req);
    ThingStore.Page page = store.list(query);
    var body = Json.mapper().createObjectNode();
    var things = body.putArray("things");
    page.things().forEach(t -> things.add(ThingJson.of(t)));
    if (page.nextCursor() == null) {
      body.putNull("nextCursor");
    } else {
      body.put("nextCursor", page.nextCursor());
    }
    body.put("appliedPosition", applied);
    Responses.json(res, 200, body);
  }

  /** Waits for {@code position} when asked; returns the applied position. */
  private long awaitPosition(ServerRequest req) throws InterruptedException {
    long position = QueryParams.longParam(req, "position", 0, 0, Long.MAX_VALUE);
    long timeout = QueryParams.longParam(req, "timeoutMs", 5_000, 0, MAX_WAIT_MILLIS);
    if (position > 0 && !progress.awaitApplied(position, Duration.ofMillis(timeout))) {
      throw ProblemType.PROJECTION_BEHIND
          .problem(
              "The projection has applied position "
                  + progress.applied()
                  + ", not yet "
                  + position
                  + ", after "
                  + timeout
                  + " ms; retry.")
          .with("appliedPosition", progress.applied())
          .with("retryAfterSeconds", 1)
          .toException();
    }
    return progress.applied();
  }
}
