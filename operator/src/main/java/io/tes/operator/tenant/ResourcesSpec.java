package io.tes.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Requests and limits of the data plane container, in the shape users know from pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourcesSpec(
    @JsonPropertyDescription("Guaranteed CPU and memory (default 250m, 512Mi).")
        ComputeSpec requests,
    @JsonPropertyDescription("Ceiling of CPU and memory (default 1, 1Gi).") ComputeSpec limits) {

  public static final ComputeSpec DEFAULT_REQUESTS = new ComputeSpec("250m", "512Mi");
  public static final ComputeSpec DEFAULT_LIMITS = new ComputeSpec("1", "1Gi");

  public ComputeSpec requestsOrDefault() {
    return DEFAULT_REQUESTS.overriddenBy(requests);
  }

  public ComputeSpec limitsOrDefault() {
    return DEFAULT_LIMITS.overriddenBy(limits);
  }
}
