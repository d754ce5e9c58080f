package io.tes.operator.region;

import java.util.SortedSet;

/** Which regions this cluster can place a tenant in. */
public interface RegionCatalog {
  /** The standard node label that names a node's region. */
  String REGION_LABEL = "topology.kubernetes.io/region";

  SortedSet<String> offered();
}
