package io.tes.operator.testbed;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The test bed runs no kubelet, so this plays its part for the pods the scheduler placed: it
 * reports the pods of the namespaces it is told about as running and ready (the StatefulSet
 * controller then counts a ready replica), and confirms the deletion of terminating pods (which
 * otherwise wait for a kubelet forever and block namespace deletion).
 */
public final class FakeKubelet implements AutoCloseable {
  private final KubernetesClient client;
  private final Set<String> readyNamespaces = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  public FakeKubelet(KubernetesClient client) {
    this.client = client;
    timer.scheduleWithFixedDelay(this::tick, 0, 300, TimeUnit.MILLISECONDS);
  }

  public void makeReady(String namespace) {
    readyNamespaces.add(namespace);
  }

  private void tick() {
    try {
      for (var pod : client.pods().inAnyNamespace().list().getItems()) {
        var meta = pod.getMetadata();
        if (meta.getDeletionTimestamp() != null) {
          client
              .pods()
              .inNamespace(meta.getNamespace())
              .withName(meta.getName())
              .withGracePeriod(0)
              .delete();
        } else if (pod.getSpec().getNodeName() != null
            && readyNamespaces.contains(meta.getNamespace())
            && !ready(pod)) {
          markRunning(pod);
        }
      }
    } catch (KubernetesClientException e) {
      // A conflict or a pod gone meanwhile: the next tick sees the new state.
    }
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private void markRunning(Pod pod) {
    var now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    var status = pod.getStatus();
    status.setPhase("Running");
    status.setStartTime(now);
    status.setConditions(
        java.util.stream.Stream.of("PodScheduled", "Initialized", "ContainersReady", "Ready")
            .map(
                type ->
                    new PodConditionBuilder()
                        .withType(type)
                        .withStatus("True")
                        .withLastTransitionTime(now)
                        .build())
            .toList());
    status.setContainerStatuses(
        pod.getSpec().getContainers().stream()
            .map(
                c ->
                    new ContainerStatusBuilder()
                        .withName(c.getName())
                        .withImage(c.getImage())
                        .withImageID("")
                        .withReady(true)
                        .withStarted(true)
                        .withRestartCount(0)
                        .withNewState()
                        .withNewRunning()
                        .withStartedAt(now)
                        .endRunning()
                        .endState()
                        .build())
            .toList());
    client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
