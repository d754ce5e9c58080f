package io.tes.dataplane.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.http.Json;
import io.tes.dataplane.testing.Http;
import io.tes.dataplane.testing.Http.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Sends GraphQL requests to a running data plane over real HTTP. */
final class GraphqlClient {
  static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

  private final Http http;
  private final String key;

  GraphqlClient(Http http, String key) {
    this.http = http;
    this.key = key;
  }

  GraphqlClient as(String otherKey) {
    return new GraphqlClient(http, otherKey);
  }

  /** POSTs a request, accepting graphql-response+json. */
  Reply post(String query, Map<String, Object> variables) {
    var body = new LinkedHashMap<String, Object>();
    body.put("query", query);
    if (variables != null) {
      body.put("variables", variables);
    }
    return http.post(
        "/graphql",
        key,
        "application/json",
        Json.mapper().writeValueAsString(body),
        "Accept",
        GRAPHQL_RESPONSE);
  }

  Reply post(String query) {
    return post(query, null);
  }

  /** The data of a request that must succeed without errors. */
  JsonNode data(String query, Map<String, Object> variables) {
    Reply reply = post(query, variables);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().has("errors")).as(reply.toString()).isFalse();
    return reply.json().path("data");
  }

  JsonNode data(String query) {
    return data(query, null);
  }

  /** The code of the first error of a reply. */
  static String code(Reply reply) {
    return reply.json().path("errors").path(0).path("extensions").path("code").asString();
  }
}
