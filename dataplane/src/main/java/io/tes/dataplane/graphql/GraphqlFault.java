package io.tes.dataplane.graphql;

import java.util.Map;

/** Thrown by a data fetcher to fail its field with a coded error and a precise message. */
public final class GraphqlFault extends RuntimeException {
  private final ErrorCode code;
  private final transient Map<String, Object> extensions;

  public GraphqlFault(ErrorCode code, String message) {
    this(code, message, Map.of());
  }

  public GraphqlFault(ErrorCode code, String message, Map<String, Object> extensions) {
    super(message, null, false, false);
    this.code = code;
    this.extensions = Map.copyOf(extensions);
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }
}
