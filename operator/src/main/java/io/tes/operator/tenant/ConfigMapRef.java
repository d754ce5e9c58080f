package io.tes.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A ConfigMap anywhere in the cluster (a Tenant has no namespace of its own to default to). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigMapRef(
    @Required @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$") String name,
    @Required @Pattern(Quantities.DNS_LABEL) String namespace) {}
