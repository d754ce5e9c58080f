package io.tes.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComputeSpec(
    @Pattern(Quantities.QUANTITY) String cpu, @Pattern(Quantities.QUANTITY) String memory) {

  /** This value with each field that {@code other} sets replaced by other's. */
  ComputeSpec overriddenBy(ComputeSpec other) {
    if (other == null) {
      return this;
    }
    return new ComputeSpec(
        other.cpu() == null ? cpu : other.cpu(), other.memory() == null ? memory : other.memory());
  }
}
