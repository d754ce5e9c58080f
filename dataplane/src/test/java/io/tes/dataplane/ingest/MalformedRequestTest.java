package io.tes.dataplane.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.testing.RunningDataPlane;
import io.tes.dataplane.testing.TestTenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Garbage on the wire gets a 4xx problem, never a 500 or a dropped server. */
class MalformedRequestTest {
  @TempDir Path dir;

  @Test
  void brokenRequestsAreClientErrors() throws Exception {
    var tenant = new TestTenant("raw");
    tenant.addKey("app", "ingest", "read");
    try (RunningDataPlane plane = RunningDataPlane.start(tenant.config(), dir)) {
      String[] requests = {
        "GET /v1/events\u0001x HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n",
        "GET /v1/things?filter[a]=%zz HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /v1/streams/%E0%A4%A/events HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /v1/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      };
      for (String request : requests) {
        String answer = exchange(plane.dataPlane().port(), request);
        String status = answer.isEmpty() ? "" : answer.substring(9, 12);
        assertThat(status).as(request).matches("4\\d\\d");
        assertThat(answer).as(request).doesNotContain("Exception");
      }
      // Bytes that are not HTTP at all: the connection is dropped, the server lives on.
      assertThat(exchange(plane.dataPlane().port(), "GARBAGE\r\n\r\n")).doesNotContain(" 500 ");
      assertThat(plane.http().get("/health/live", null).status()).isEqualTo(200);
    }
  }

  private static String exchange(int port, String request) throws IOException {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      socket.shutdownOutput();
      var out = new ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(out);
      } catch (IOException timeout) {
        // Whatever arrived is the answer.
      }
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
