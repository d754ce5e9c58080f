package io.tes.dataplane.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Writes JSON bodies and problem documents. */
public final class Responses {
  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";

  private Responses() {}

  public static void json(ServerResponse res, int status, Object body) {
    send(res, status, JSON, Json.mapper().writeValueAsBytes(body));
  }

  public static void json(ServerResponse res, int status, JsonNode body) {
    send(res, status, JSON, Json.mapper().writeValueAsBytes(body));
  }

  /** A JSON body already written to bytes. */
  public static void jsonBytes(ServerResponse res, int status, byte[] body) {
    send(res, status, JSON, body);
  }

  public static void problem(ServerResponse res, Problem problem) {
    send(
        res, problem.status(), PROBLEM_JSON, Json.mapper().writeValueAsBytes(problemBody(problem)));
  }

  /** The members of a problem document, standard ones first. */
  public static Map<String, Object> problemBody(Problem problem) {
    var body = new LinkedHashMap<String, Object>();
    body.put("type", problem.type());
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    body.putAll(problem.extensions());
    return body;
  }

  private static void send(ServerResponse res, int status, String contentType, byte[] body) {
    res.status(Status.create(status));
    res.header(HeaderNames.CONTENT_TYPE, contentType);
    res.send(body);
  }
}
