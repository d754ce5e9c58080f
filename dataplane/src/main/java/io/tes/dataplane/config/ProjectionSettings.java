package io.tes.dataplane.config;

import java.util.List;

/**
 * How the projector folds events into things.
 *
 * @param reducers rules tried in order; unmatched types merge
 */
public record ProjectionSettings(List<ReducerRule> reducers) {
  public static final ProjectionSettings DEFAULT = new ProjectionSettings(null);

  public ProjectionSettings {
    reducers = reducers == null ? List.of() : List.copyOf(reducers);
  }
}
