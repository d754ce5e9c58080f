package io.tes.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** The machine-readable result file: every row, ratio, target and the profile summary. */
public final class JsonReport {
  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public void write(Results results, Path file) throws IOException {
    mapper.writeValue(file.toFile(), results);
  }
}
