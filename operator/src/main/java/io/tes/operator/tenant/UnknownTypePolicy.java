package io.tes.operator.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the data plane does with an event whose type has no schema. */
public enum UnknownTypePolicy {
  @JsonProperty("accept")
  ACCEPT("accept"),
  @JsonProperty("reject")
  REJECT("reject");

  private final String value;

  UnknownTypePolicy(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }
}
