package io.tes.dataplane.config;

import java.util.List;

/** The tenant config file is missing, unreadable or does not follow its schema. */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(String message, List<String> problems) {
    super(problems.isEmpty() ? message : message + ":\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
    this.problems = List.of(cause.getMessage());
  }

  public List<String> problems() {
    return problems;
  }
}
