package io.tes.operator.region;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The regions of the cluster's nodes, read on every call: a tenant waiting for a region is looked
 * at again periodically, and a list call per reconcile is cheap next to keeping a node cache.
 */
public final class NodeRegions implements RegionCatalog {
  private final KubernetesClient client;

  public NodeRegions(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public SortedSet<String> offered() {
    var regions = new TreeSet<String>();
    for (var node : client.nodes().withLabel(REGION_LABEL).list().getItems()) {
      regions.add(node.getMetadata().getLabels().get(REGION_LABEL));
    }
    return regions;
  }
}
