package io.tes.dataplane.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.testing.AsyncTenant;
import io.tes.dataplane.testing.Http;
import io.tes.dataplane.testing.Http.Reply;
import io.tes.dataplane.testing.TestTenant;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP side of /graphql: methods, media types, status codes and auth. */
class GraphqlHttpTest {
  @TempDir static Path dir;
  static TestTenant tenant = AsyncTenant.create("gh");
  static GraphqlPlane plane;
  static Http http;
  static String key;

  @BeforeAll
  static void start() throws Exception {
    plane = GraphqlPlane.start(tenant, dir);
    http = plane.http();
    key = tenant.key("app");
  }

  @AfterAll
  static void stop() throws Exception {
    plane.close();
  }

  private static Reply get(String query, String accept) {
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    http.base()
                        + "/graphql?query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8)))
            .header("Authorization", "Bearer " + key);
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.GET().build());
  }

  private static Reply post(String body, String contentType, String accept) {
    return accept == null
        ? http.post("/graphql", key, contentType, body)
        : http.post("/graphql", key, contentType, body, "Accept", accept);
  }

  @Test
  void getRunsQueriesAndRefusesMutations() {
    Reply query = get("{ stats { tenant } }", null);
    assertThat(query.status()).isEqualTo(200);
    assertThat(query.header("Content-Type")).startsWith("application/json");
    assertThat(query.json().path("data").path("stats").path("tenant").asString()).isEqualTo("gh");

    Reply mutation =
        get("mutation { emitEvent(event: {source: \"/a\", type: \"t\"}) { __typename } }", null);
    assertThat(mutation.status()).isEqualTo(405);
    assertThat(mutation.header("Allow")).isEqualTo("POST");
    assertThat(GraphqlClient.code(mutation)).isEqualTo("METHOD_NOT_ALLOWED");
  }

  @Test
  void theResponseMediaTypeFollowsAccept() {
    String body = "{\"query\":\"{ __typename }\"}";
    assertThat(
            post(body, "application/json", GraphqlClient.GRAPHQL_RESPONSE).header("Content-Type"))
        .isEqualTo("application/graphql-response+json; charset=utf-8");
    assertThat(post(body, "application/json", "*/*").header("Content-Type"))
        .isEqualTo("application/json; charset=utf-8");
    assertThat(
            post(
                    body,
                    "application/json",
                    "application/json;q=0.5, application/graphql-response+json")
                .header("Content-Type"))
        .startsWith("application/graphql-response+json");
    Reply html = post(body, "application/json", "text/html");
    assertThat(html.status()).isEqualTo(406);
    assertThat(GraphqlClient.code(html)).isEqualTo("NOT_ACCEPTABLE");
  }

  @Test
  void requestErrorsAre400UnderGraphqlResponseAnd200UnderJson() {
    for (String query : new String[] {"{", "{ nope }"}) {
      String body = "{\"query\":\"" + query + "\"}";
      Reply modern = post(body, "application/json", GraphqlClient.GRAPHQL_RESPONSE);
      assertThat(modern.status()).isEqualTo(400);
      assertThat(modern.json().has("data")).isFalse();
      Reply legacy = post(body, "application/json", "application/json");
      assertThat(legacy.status()).isEqualTo(200);
      assertThat(legacy.json().has("data")).isFalse();
    }
    Reply unknownOperation =
        post(
            "{\"query\":\"query A { __typename }\",\"operationName\":\"B\"}",
            "application/json",
            GraphqlClient.GRAPHQL_RESPONSE);
    assertThat(unknownOperation.status()).isEqualTo(400);
    assertThat(GraphqlClient.code(unknownOperation)).isEqualTo("OPERATION_NOT_FOUND");
  }

  @Test
  void aFieldErrorKeepsTheDataAndA200() {
    Reply reply =
        post(
            "{\"query\":\"{ stats { tenant } thing(id: \\\"x\\\", minPosition: 999999, waitMillis: 1)"
                + " { id } }\"}",
            "application/json",
            GraphqlClient.GRAPHQL_RESPONSE);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("data").path("stats").path("tenant").asString()).isEqualTo("gh");
    assertThat(reply.json().path("data").path("thing").isNull()).isTrue();
    assertThat(GraphqlClient.code(reply)).isEqualTo("PROJECTION_BEHIND");
  }

  @Test
  void bodiesThatAreNotGraphqlRequestsAreRefused() {
    assertThat(post("{\"query\":\"{ __typename }\"}", "text/plain", null).status()).isEqualTo(415);
    assertThat(
            post("{\"query\":\"{ __typename }\"}", "application/json; charset=latin1", null)
                .status())
        .isEqualTo(415);
    Reply notJson = post("{ not json", "application/json", null);
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(GraphqlClient.code(notJson)).isEqualTo("BAD_REQUEST");
    assertThat(post("{\"query\": 1}", "application/json", null).status()).isEqualTo(400);
    assertThat(
            post("{\"query\":\"{ __typename }\",\"variables\":[]}", "application/json", null)
                .status())
        .isEqualTo(400);
  }

  @Test
  void otherMethodsAre405() {
    Reply put =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/graphql"))
                .header("Authorization", "Bearer " + key)
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.header("Allow")).isEqualTo("GET, POST");
  }

  @Test
  void aMissingOrForeignKeyIs401() {
    Reply none = http.post("/graphql", null, "application/json", "{\"query\":\"{ __typename }\"}");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(GraphqlClient.code(none)).isEqualTo("UNAUTHENTICATED");
    Reply foreign =
        http.post(
            "/graphql",
            new TestTenant("other").addKey("x", "read"),
            "application/json",
            "{\"query\":\"{ __typename }\"}");
    assertThat(foreign.status()).isEqualTo(401);
    assertThat(foreign.json().path("errors").path(0).path("message").asString())
        .contains("another tenant");
  }

  @Test
  void subscriptionsAreForTheWebSocket() {
    Reply reply =
        post(
            "{\"query\":\"subscription { events { position } }\"}",
            "application/json",
            GraphqlClient.GRAPHQL_RESPONSE);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(GraphqlClient.code(reply)).isEqualTo("SUBSCRIPTION_OVER_HTTP");
  }
}
