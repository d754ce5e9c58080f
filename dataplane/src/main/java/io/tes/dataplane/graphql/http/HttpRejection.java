package io.tes.dataplane.graphql.http;

import io.tes.dataplane.graphql.ErrorCode;
import java.util.Map;

/**
 * A request refused at the HTTP level, before GraphQL: a status, a coded error, and headers that
 * tell the client what to do instead (Allow, WWW-Authenticate).
 */
final class HttpRejection extends RuntimeException {
  private final int status;
  private final ErrorCode code;
  private final transient Map<String, String> headers;

  HttpRejection(int status, ErrorCode code, String message) {
    this(status, code, message, Map.of());
  }

  HttpRejection(int status, ErrorCode code, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.headers = Map.copyOf(headers);
  }

  int status() {
    return status;
  }

  ErrorCode code() {
    return code;
  }

  Map<String, String> headers() {
    return headers;
  }
}
