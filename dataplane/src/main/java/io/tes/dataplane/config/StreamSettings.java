package io.tes.dataplane.config;

/**
 * Limits of the tenant's JetStream stream; durations are written like {@code 7d} or {@code 2m}.
 *
 * @param maxAge how long messages are kept
 * @param maxBytes size cap, -1 for none
 * @param duplicateWindow how long message ids are remembered for dedupe
 * @param replicas stream replicas
 */
public record StreamSettings(
    String maxAge, Long maxBytes, String duplicateWindow, Integer replicas) {
  public static final StreamSettings DEFAULT = new StreamSettings(null, null, null, null);

  public StreamSettings {
    maxAge = maxAge == null ? "7d" : maxAge;
    maxBytes = maxBytes == null ? -1L : maxBytes;
    duplicateWindow = duplicateWindow == null ? "2m" : duplicateWindow;
    replicas = replicas == null ? 1 : replicas;
  }
}
