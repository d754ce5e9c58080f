package io.tes.dataplane.graphql.http;

import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import io.tes.dataplane.graphql.ErrorCode;
import io.tes.dataplane.graphql.GraphqlRequest;
import io.tes.dataplane.http.Json;
import io.tes.dataplane.http.ProblemException;
import io.tes.dataplane.http.RequestBodies;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the GraphQL request parameters of a POST (a JSON body) or a GET (the query string), with
 * the spec's answers to what is wrong: 415 for a body that is not JSON by its type, 413 for one too
 * large, 400 for malformed JSON and for parameters of the wrong type.
 */
final class RequestDecoding {
  private RequestDecoding() {}

  static GraphqlRequest fromBody(ServerRequest req, int maxBytes) {
    checkContentType(req);
    byte[] body;
    try {
      body = RequestBodies.read(req, maxBytes);
    } catch (ProblemException e) {
      throw new HttpRejection(e.problem().status(), ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage());
    }
    if (body.length == 0) {
      throw badRequest("The request has no body; send a JSON object with a 'query'.");
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(body);
    } catch (JacksonException e) {
      throw badRequest("The body is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw badRequest("The body must be a JSON object with a 'query'.");
    }
    return new GraphqlRequest(
        query(node.get("query")),
        optionalString(node.get("operationName"), "operationName"),
        map(node.get("variables"), "variables"),
        map(node.get("extensions"), "extensions"));
  }

  static GraphqlRequest fromQuery(ServerRequest req) {
    var params = req.query();
    String query = params.first("query").orElse(null);
    if (query == null) {
      throw badRequest("A GET request carries the document in the 'query' parameter.");
    }
    return new GraphqlRequest(
        query,
        params.first("operationName").filter(s -> !s.isEmpty()).orElse(null),
        jsonParameter(params.first("variables").orElse(null), "variables"),
        jsonParameter(params.first("extensions").orElse(null), "extensions"));
  }

  private static void checkContentType(ServerRequest req) {
    var type = req.headers().contentType();
    if (type.isEmpty()) {
      throw unsupported("The request has no Content-Type.");
    }
    HttpMediaType media = type.get();
    String essence = media.mediaType().text().toLowerCase(Locale.ROOT);
    if (!essence.equals("application/json")) {
      throw unsupported("Content type '" + essence + "' is not supported.");
    }
    var charset = media.charset();
    if (charset.isPresent() && !charset.get().equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
      throw unsupported("Charset '" + charset.get() + "' is not supported.");
    }
  }

  private static HttpRejection unsupported(String detail) {
    return new HttpRejection(
        415,
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        detail + " Send a JSON body as 'application/json' (UTF-8), or a GET with a query string.",
        Map.of("Accept-Post", "application/json"));
  }

  private static String query(JsonNode node) {
    if (node == null || node.isNull()) {
      throw badRequest("The body has no 'query': the GraphQL document is required.");
    }
    if (!node.isString()) {
      throw badRequest("'query' must be a string holding the GraphQL document.");
    }
    return node.stringValue();
  }

  private static String optionalString(JsonNode node, String name) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw badRequest("'" + name + "' must be a string or null.");
    }
    return node.stringValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(JsonNode node, String name) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw badRequest("'" + name + "' must be a JSON object or null.");
    }
    return Json.mapper().treeToValue(node, Map.class);
  }

  private static Map<String, Object> jsonParameter(String text, String name) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return map(Json.mapper().readTree(text), name);
    } catch (JacksonException e) {
      throw badRequest("'" + name + "' is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static HttpRejection badRequest(String detail) {
    return new HttpRejection(400, ErrorCode.BAD_REQUEST, detail);
  }
}
