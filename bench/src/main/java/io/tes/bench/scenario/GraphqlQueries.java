package io.tes.bench.scenario;

/**
 * Every GraphQL document the benchmark sends, in one place: the schema is young and its field names
 * may still move.
 */
final class GraphqlQueries {
  private GraphqlQueries() {}

  /** Cheapest valid query: answers whether /graphql exists at all. */
  static final String PROBE = "{ __typename }";

  static String thing(String id) {
    return "{ thing(id: \"" + id + "\") { id version state } }";
  }

  static final String PAGE_OF_100 = "{ things(first: 100) { edges { node { id version } } } }";

  /** The JSON request body of the GraphQL over HTTP spec: {"query": "..."}. */
  static byte[] body(String query) {
    String escaped = query.replace("\\", "\\\\").replace("\"", "\\\"");
    return ("{\"query\":\"" + escaped + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
