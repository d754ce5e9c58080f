package io.tes.dataplane.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Chooses how events of matching types fold into a thing.
 *
 * @param type exact event type, or a pattern where {@code *} matches any run of characters
 * @param mode the reducer
 */
public record ReducerRule(String type, Mode mode) {
  /** The reducers a rule can choose. */
  public enum Mode {
    /** RFC 7386 JSON Merge Patch of the data into the state. */
    @JsonProperty("merge")
    MERGE,
    /** The data becomes the whole state. */
    @JsonProperty("replace")
    REPLACE,
    /** The thing is deleted (a tombstone keeps its version). */
    @JsonProperty("delete")
    DELETE
  }
}
