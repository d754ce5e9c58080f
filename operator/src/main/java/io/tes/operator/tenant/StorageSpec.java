package io.tes.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorageSpec(
    @JsonPropertyDescription("Requested volume size, a Kubernetes quantity (default 1Gi).")
        @Pattern(Quantities.QUANTITY)
        @Default("1Gi")
        String size,
    @JsonPropertyDescription("Storage class of the volume claim; the cluster default if unset.")
        @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
        String storageClassName,
    @JsonPropertyDescription(
            "Retain (default) keeps the namespace and its volume claim when the Tenant is deleted;"
                + " Delete removes them.")
        @Default("Retain")
        DeletionPolicy deletionPolicy) {

  public static final String DEFAULT_SIZE = "1Gi";

  public String sizeOrDefault() {
    return size == null ? DEFAULT_SIZE : size;
  }

  public DeletionPolicy deletionPolicyOrDefault() {
    return deletionPolicy == null ? DeletionPolicy.Retain : deletionPolicy;
  }
}
