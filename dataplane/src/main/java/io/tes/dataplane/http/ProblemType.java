package io.tes.dataplane.http;

/** The catalogue of problem types TES answers with; their URIs are part of the API. */
public enum ProblemType {
  MALFORMED_REQUEST(400, "malformed-request", "The request could not be parsed"),
  INVALID_EVENT(400, "invalid-event", "The event is not a valid CloudEvent"),
  INVALID_PARAMETER(400, "invalid-parameter", "A request parameter is invalid"),
  UNAUTHENTICATED(401, "unauthenticated", "A valid API key is required"),
  FORBIDDEN(403, "forbidden", "The API key lacks the required scope"),
  NOT_FOUND(404, "not-found", "No such resource"),
  THING_DELETED(410, "thing-deleted", "The thing was deleted"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "The method is not allowed on this resource"),
  NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
  DUPLICATE_CONFLICT(
      409, "duplicate-id-conflict", "An event with this source and id exists with other content"),
  VERSION_CONFLICT(409, "version-conflict", "The stream is not at the expected version"),
  AMBIGUOUS_ID(409, "ambiguous-id", "Several events have this id"),
  ALREADY_RESOLVED(409, "already-resolved", "The dead letter was already resolved"),
  REBUILD_RUNNING(409, "rebuild-running", "A rebuild is already running"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request or an event is too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The content type is not supported"),
  SCHEMA_VIOLATION(422, "schema-violation", "The event data violates its schema"),
  UNKNOWN_EVENT_TYPE(422, "unknown-event-type", "The event type has no registered schema"),
  RATE_LIMITED(429, "rate-limited", "Too many requests for this API key"),
  INTERNAL(500, "internal-error", "The server failed to process the request"),
  UNAVAILABLE(503, "unavailable", "The service is temporarily unavailable"),
  PROJECTION_BEHIND(
      503, "projection-behind", "The projection has not reached the requested position yet");

  private static final String BASE = "https://tes.io/problems/";

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String uri() {
    return BASE + slug;
  }

  public String title() {
    return title;
  }

  /** A problem of this type with the given detail. */
  public Problem problem(String detail) {
    return new Problem(this, detail);
  }

  /** An exception carrying a problem of this type, ready to throw. */
  public ProblemException exception(String detail) {
    return new ProblemException(new Problem(this, detail));
  }
}
