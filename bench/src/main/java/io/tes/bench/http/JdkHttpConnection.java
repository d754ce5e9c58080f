package io.tes.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * java.net.http, one client per connection so each worker keeps its own keep-alive connection (a
 * shared client would pool them, which is the same on the wire but harder to reason about).
 */
final class JdkHttpConnection implements HttpConnection {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client;
  private final String base;
  private final String authorization;

  JdkHttpConnection(String host, int port, String bearerKey) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.base = "http://" + host + ":" + port;
    this.authorization = bearerKey == null ? null : "Bearer " + bearerKey;
  }

  @Override
  public HttpAnswer post(String path, String contentType, byte[] body) throws IOException {
    var request =
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    return send(request.build());
  }

  @Override
  public HttpAnswer get(String path) throws IOException {
    return send(request(path).GET().build());
  }

  private HttpRequest.Builder request(String path) {
    var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private HttpAnswer send(HttpRequest request) throws IOException {
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new HttpAnswer(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
