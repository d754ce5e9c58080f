package io.tes.dataplane.events;

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
import io.tes.dataplane.log.EventLog;
import io.tes.dataplane.log.StoredEvent;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;

/**
 * Reads of the log: {@code GET /v1/events} (global order), {@code GET /v1/events/{id}} and {@code
 * GET /v1/streams/{subject}/events}.
 */
public final class EventsReadService implements HttpService {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final Authenticator authenticator;
  private final EventLog log;

  public EventsReadService(Authenticator authenticator, EventLog log) {
    this.authenticator = authenticator;
    this.log = log;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/events", this::list)
        .get("/events/{id}", this::one)
        .any("/events/{id}", MethodNotAllowed.allowing("GET"))
        // Subjects may hold '/', sent as %2F: the subject is cut from the raw path by hand.
        .get("/streams/*", this::stream)
        .any("/streams/*", MethodNotAllowed.allowing("GET"));
  }

  private void authorize(ServerRequest req) {
    authenticator.require(req, Scope.READ);
  }

  private void list(ServerRequest req, ServerResponse res) {
    authorize(req);
    long after = QueryParams.longParam(req, "after", 0, 0, Long.MAX_VALUE);
    int limit = (int) QueryParams.longParam(req, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    List<StoredEvent> events = log.readAfter(after, limit);
    var body = Json.mapper().createObjectNode();
    body.set("events", array(events));
    body.put("nextAfter", events.isEmpty() ? after : events.getLast().position());
    Responses.json(res, 200, body);
  }

  private void one(ServerRequest req, ServerResponse res) {
    authorize(req);
    String id = req.path().pathParameters().get("id");
    String source = QueryParams.stringParam(req, "source");
    List<StoredEvent> found =
        source != null ? log.find(source, id).stream().toList() : log.findById(id);
    if (found.isEmpty()) {
      throw ProblemType.NOT_FOUND.exception(
          "No event has id '"
              + id
              + "'"
              + (source == null ? "" : " and source '" + source + "'")
              + ".");
    }
    if (found.size() > 1) {
      throw ProblemType.AMBIGUOUS_ID
          .problem(
              found.size()
                  + " events from different sources have id '"
                  + id
                  + "'; add ?source=<source> to choose one.")
          .with("sources", found.stream().map(e -> e.event().source()).toList())
          .toException();
    }
    Responses.json(res, 200, EventJson.of(found.getFirst()));
  }

  private void stream(ServerRequest req, ServerResponse res) {
    authorize(req);
    String subject =
        PathTail.between(
            req.path().absolute().rawPath(),
            "/v1/streams/",
            "/events",
            "Stream events are at /v1/streams/{subject}/events (percent-encode '/' as %2F).");
    long afterVersion = QueryParams.longParam(req, "afterVersion", 0, 0, Long.MAX_VALUE);
    int limit = (int) QueryParams.longParam(req, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    List<StoredEvent> events = log.readStream(subject, afterVersion, limit);
    var body = Json.mapper().createObjectNode();
    body.put("subject", subject);
    body.put("version", log.streamVersion(subject));
    body.set("events", array(events));
    Responses.json(res, 200, body);
  }

  private static ArrayNode array(List<StoredEvent> events) {
    var array = Json.mapper().createArrayNode();
    events.forEach(e -> array.add(EventJson.of(e)));
    return array;
  }
}
