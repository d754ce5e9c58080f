package io.tes.dataplane.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.tes.dataplane.sqlite.SqliteException;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * Makes every error a problem document: our own {@link ProblemException}s, Helidon's HTTP
 * exceptions (404, 405...), failures found before routing (malformed requests), and unexpected
 * exceptions, which are logged with their stack trace but answered without one.
 */
public final class ErrorHandling {
  private static final System.Logger LOG = System.getLogger(ErrorHandling.class.getName());

  private ErrorHandling() {}

  public static void register(HttpRouting.Builder routing) {
    routing.error(
        ProblemException.class,
        (req, res, e) -> {
          if (e.problem().extensions().get("retryAfterSeconds") instanceof Number seconds) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(seconds.longValue()));
          }
          Responses.problem(res, e.problem());
        });
    routing.error(
        SqliteException.class,
        (req, res, e) -> {
          LOG.log(Level.WARNING, "database failure on " + req.prologue(), e);
          res.header(HeaderNames.RETRY_AFTER, "1");
          Responses.problem(
              res,
              ProblemType.UNAVAILABLE.problem(
                  "The database failed to answer; nothing was changed. Retry shortly."));
        });
    routing.error(
        HttpException.class,
        (req, res, e) -> Responses.problem(res, fromStatus(e.status(), e.getMessage())));
    routing.error(
        Exception.class,
        (req, res, e) -> {
          LOG.log(Level.ERROR, "unexpected failure on " + req.prologue(), e);
          Responses.problem(
              res, ProblemType.INTERNAL.problem("An unexpected error occurred; it was logged."));
        });
  }

  /** Handlers for errors that happen before a request reaches routing. */
  public static DirectHandlers directHandlers() {
    DirectHandler handler =
        (request, event, status, headers, message) -> {
          var problem = fromStatus(status, message);
          var body = Json.mapper().writeValueAsBytes(Responses.problemBody(problem));
          headers.set(HeaderNames.CONTENT_TYPE, Responses.PROBLEM_JSON);
          return DirectHandler.TransportResponse.builder()
              .status(status)
              .headers(headers)
              .entity(body)
              .build();
        };
    var builder = DirectHandlers.builder();
    for (var event : DirectHandler.EventType.values()) {
      builder.addHandler(event, handler);
    }
    return builder.build();
  }

  static Problem fromStatus(Status status, String message) {
    var type =
        switch (status.code()) {
          case 400 -> ProblemType.MALFORMED_REQUEST;
          case 404 -> ProblemType.NOT_FOUND;
          case 405 -> ProblemType.METHOD_NOT_ALLOWED;
          case 406 -> ProblemType.NOT_ACCEPTABLE;
          case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
          case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
          case 503 -> ProblemType.UNAVAILABLE;
          default -> null;
        };
    String detail = message == null || message.isBlank() ? status.reasonPhrase() : message;
    if (type == null) {
      return new Problem("about:blank", status.reasonPhrase(), status.code(), detail, Map.of());
    }
    return type.problem(detail);
  }
}
