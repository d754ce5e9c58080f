package io.tes.operator.settings;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the operator process is told from outside, read once at start-up from environment
 * variables (the chart sets them from its values).
 *
 * @param dataplaneImage image of the tenant data plane
 * @param imagePullPolicy pull policy of that image
 * @param regions offered regions; empty means "read them from the nodes' region labels"
 * @param natsUrl NATS JetStream URL handed to every data plane
 * @param accessNamespaceLabel label (key=value) of namespaces allowed to call tenant pods
 * @param regionRecheck how soon a tenant waiting for its region is looked at again
 * @param leaderElection whether to elect a leader (one active replica) through a Lease
 * @param leaseNamespace namespace of that Lease (the operator's own)
 * @param metricsHost address the metrics server binds (all interfaces in a pod)
 * @param metricsPort port of /metrics and /healthz (0 = no server)
 */
public record OperatorSettings(
    String dataplaneImage,
    String imagePullPolicy,
    List<String> regions,
    String natsUrl,
    String accessNamespaceLabel,
    Duration regionRecheck,
    boolean leaderElection,
    String leaseNamespace,
    String metricsHost,
    int metricsPort) {

  public static final String DEFAULT_IMAGE = "ghcr.io/tes-project/tes-dataplane:0.1.0";
  public static final String DEFAULT_NATS_URL = "nats://tes-nats.tes-system.svc:4222";
  public static final String DEFAULT_ACCESS_LABEL = "tes.io/access=true";

  public OperatorSettings {
    regions = List.copyOf(regions);
    if (!accessNamespaceLabel.contains("=")) {
      throw new IllegalArgumentException(
          "TES_ACCESS_NAMESPACE_LABEL must be key=value, got '" + accessNamespaceLabel + "'");
    }
  }

  /** Defaults for tests and local runs: configured regions, no leader election, no server. */
  public static OperatorSettings defaults(List<String> regions) {
    return new OperatorSettings(
        DEFAULT_IMAGE,
        "IfNotPresent",
        regions,
        DEFAULT_NATS_URL,
        DEFAULT_ACCESS_LABEL,
        Duration.ofSeconds(30),
        false,
        "tes-system",
        "127.0.0.1",
        0);
  }

  public static OperatorSettings fromEnvironment(Map<String, String> env) {
    return new OperatorSettings(
        env.getOrDefault("TES_DATAPLANE_IMAGE", DEFAULT_IMAGE),
        env.getOrDefault("TES_DATAPLANE_PULL_POLICY", "IfNotPresent"),
        list(env.get("TES_REGIONS")),
        env.getOrDefault("TES_NATS_URL", DEFAULT_NATS_URL),
        env.getOrDefault("TES_ACCESS_NAMESPACE_LABEL", DEFAULT_ACCESS_LABEL),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("TES_REGION_RECHECK_SECONDS", "30"))),
        Boolean.parseBoolean(env.getOrDefault("TES_LEADER_ELECTION", "true")),
        Optional.ofNullable(env.get("POD_NAMESPACE")).orElse("tes-system"),
        env.getOrDefault("TES_METRICS_HOST", "0.0.0.0"),
        Integer.parseInt(env.getOrDefault("TES_METRICS_PORT", "8080")));
  }

  public String accessLabelKey() {
    return accessNamespaceLabel.substring(0, accessNamespaceLabel.indexOf('='));
  }

  public String accessLabelValue() {
    return accessNamespaceLabel.substring(accessNamespaceLabel.indexOf('=') + 1);
  }

  private static List<String> list(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
