package io.tes.bench.http;

import java.io.IOException;

/**
 * One keep-alive HTTP/1.1 connection to the data plane, used by one worker at a time. Every request
 * carries the bearer key given when the connection was opened.
 */
public interface HttpConnection extends AutoCloseable {

  HttpAnswer post(String path, String contentType, byte[] body) throws IOException;

  HttpAnswer get(String path) throws IOException;

  @Override
  void close();
}
