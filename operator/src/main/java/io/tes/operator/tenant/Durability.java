package io.tes.operator.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How hard the data plane works to keep an acknowledged event. */
public enum Durability {
  @JsonProperty("fsync")
  FSYNC("fsync"),
  @JsonProperty("os")
  OS("os");

  private final String value;

  Durability(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }
}
