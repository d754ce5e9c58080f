package io.tes.operator.region;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** A fixed list from the operator's settings, for clusters whose nodes carry no region label. */
public record ConfiguredRegions(SortedSet<String> offered) implements RegionCatalog {

  public ConfiguredRegions(Collection<String> regions) {
    this(Collections.unmodifiableSortedSet(new TreeSet<>(regions)));
  }
}
