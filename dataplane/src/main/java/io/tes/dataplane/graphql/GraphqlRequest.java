package io.tes.dataplane.graphql;

import java.util.Map;

/**
 * The parameters of a GraphQL request, whatever carried them (a POST body, a GET query string, a
 * WebSocket subscribe message).
 *
 * @param query the document
 * @param operationName the operation to run, or null
 * @param variables variable values (never null)
 * @param extensions protocol extensions (never null; TES reads none)
 */
public record GraphqlRequest(
    String query,
    String operationName,
    Map<String, Object> variables,
    Map<String, Object> extensions) {
  public GraphqlRequest {
    variables = variables == null ? Map.of() : variables;
    extensions = extensions == null ? Map.of() : extensions;
  }
}
