package io.tes.operator.dependent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.tes.operator.settings.OperatorSettings;
import io.tes.operator.tenant.ResourcesSpec;
import io.tes.operator.tenant.Tenant;
import java.util.List;
import java.util.Map;

/**
 * The data plane container: the process settings of the data plane contract as environment
 * variables, its probes, resources and a restricted security context.
 */
final class DataPlaneContainer {
  private DataPlaneContainer() {}

  static Container of(Tenant tenant, OperatorSettings settings) {
    var resources = tenant.getSpec().resources();
    var requests =
        resources == null ? ResourcesSpec.DEFAULT_REQUESTS : resources.requestsOrDefault();
    var limits = resources == null ? ResourcesSpec.DEFAULT_LIMITS : resources.limitsOrDefault();
    return new ContainerBuilder()
        .withName("dataplane")
        .withImage(settings.dataplaneImage())
        .withImagePullPolicy(settings.imagePullPolicy())
        .addNewPort()
        .withName(Names.HTTP_PORT_NAME)
        .withContainerPort(Names.HTTP_PORT)
        .withProtocol("TCP")
        .endPort()
        .withEnv(
            List.of(
                new EnvVar("TES_CONFIG", Mounts.CONFIG_FILE, null),
                new EnvVar("TES_HOST", "0.0.0.0", null),
                new EnvVar("TES_PORT", Integer.toString(Names.HTTP_PORT), null),
                new EnvVar("TES_DATA_DIR", Mounts.DATA_DIR, null),
                new EnvVar("TES_NATS_URL", settings.natsUrl(), null),
                new EnvVar("TES_ROLE", "all", null),
                // The JVM sizes its heap from the container limit and writes nowhere but /tmp.
                new EnvVar("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75", null)))
        .withNewResources()
        .withRequests(
            Map.of("cpu", new Quantity(requests.cpu()), "memory", new Quantity(requests.memory())))
        .withLimits(
            Map.of("cpu", new Quantity(limits.cpu()), "memory", new Quantity(limits.memory())))
        .endResources()
        .withNewStartupProbe()
        .withNewHttpGet()
        .withPath("/health/live")
        .withNewPort(Names.HTTP_PORT_NAME)
        .endHttpGet()
        .withPeriodSeconds(2)
        .withFailureThreshold(60)
        .endStartupProbe()
        .withNewLivenessProbe()
        .withNewHttpGet()
        .withPath("/health/live")
        .withNewPort(Names.HTTP_PORT_NAME)
        .endHttpGet()
        .withPeriodSeconds(10)
        .withFailureThreshold(3)
        .endLivenessProbe()
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath("/health/ready")
        .withNewPort(Names.HTTP_PORT_NAME)
        .endHttpGet()
        .withPeriodSeconds(5)
        .withFailureThreshold(2)
        .endReadinessProbe()
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withRunAsNonRoot(true)
        .withPrivileged(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .withVolumeMounts(Volumes.mounts(tenant))
        .build();
  }
}
