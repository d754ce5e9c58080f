package io.tes.dataplane.http;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the data plane, configured strictly (duplicate keys are an error). */
public final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Json() {}

  /** The shared, immutable mapper (Jackson 3 mappers are thread-safe and immutable). */
  public static JsonMapper mapper() {
    return MAPPER;
  }
}
