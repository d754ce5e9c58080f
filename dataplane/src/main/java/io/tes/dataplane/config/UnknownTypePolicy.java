package io.tes.dataplane.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an event type without a registered schema is stored or refused. */
public enum UnknownTypePolicy {
  @JsonProperty("accept")
  ACCEPT,
  @JsonProperty("reject")
  REJECT
}
