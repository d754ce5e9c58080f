package io.tes.bench.http;

import java.io.IOException;

/**
 * Which HTTP client the load generator uses. RAW is a minimal blocking HTTP/1.1 client on a plain
 * socket; JDK is java.net.http. Both run in the same report, so the client's own cost is visible:
 * on two shared cores every microsecond the client spends is taken from the server.
 */
public enum Transport {
  RAW,
  JDK;

  public HttpConnection open(String host, int port, String bearerKey) throws IOException {
    return switch (this) {
      case RAW -> new RawHttpConnection(host, port, bearerKey);
      case JDK -> new JdkHttpConnection(host, port, bearerKey);
    };
  }
}
