package io.tes.dataplane;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Process settings, read from the environment. Everything about the tenant itself lives in the
 * tenant config file; these say where and how this process runs.
 *
 * @param host bind address ({@code TES_HOST}, default 127.0.0.1)
 * @param port HTTP port ({@code TES_PORT}, default 8080; 0 picks a free one)
 * @param dataDir SQLite database and blobs ({@code TES_DATA_DIR}, default ./.tes)
 * @param configFile tenant config file ({@code TES_CONFIG}, default dataDir/tenant.yaml)
 * @param natsUrl JetStream server ({@code TES_NATS_URL}), or null to run without the async phase
 * @param role which parts run in this process ({@code TES_ROLE})
 */
public record Settings(
    String host, int port, Path dataDir, Path configFile, String natsUrl, Role role) {

  /** Which parts of the data plane a process runs, so the async phase can scale on its own. */
  public enum Role {
    /** Ingest, reads and the processors (the default). */
    ALL,
    /** Ingest, reads and the outbox relay; no processors. */
    INGEST,
    /** Processors only, reading the same database. */
    WORKER
  }

  public static Settings fromEnvironment(Map<String, String> env) {
    Path dataDir = Path.of(env.getOrDefault("TES_DATA_DIR", ".tes"));
    String config = env.get("TES_CONFIG");
    String nats = env.get("TES_NATS_URL");
    return new Settings(
        env.getOrDefault("TES_HOST", "127.0.0.1"),
        parsePort(env.getOrDefault("TES_PORT", "8080")),
        dataDir,
        config == null || config.isBlank() ? dataDir.resolve("tenant.yaml") : Path.of(config),
        nats == null || nats.isBlank() ? null : nats,
        parseRole(env.getOrDefault("TES_ROLE", "all")));
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("TES_PORT must be 0..65535, was " + value);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TES_PORT must be a number, was '" + value + "'", e);
    }
  }

  private static Role parseRole(String value) {
    try {
      return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "TES_ROLE must be all, ingest or worker, was '" + value + "'", e);
    }
  }
}
