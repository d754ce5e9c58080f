package io.tes.bench.http;

import java.nio.charset.StandardCharsets;

/** A response: its status and body. */
public record HttpAnswer(int status, byte[] body) {

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
