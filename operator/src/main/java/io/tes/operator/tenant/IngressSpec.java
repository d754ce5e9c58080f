package io.tes.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngressSpec(
    @Required
        @JsonPropertyDescription("Host name the tenant is served on.")
        @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        String host,
    @JsonPropertyDescription("IngressClass to use; the cluster default if unset.") String className,
    @JsonPropertyDescription("Secret (in the tenant namespace) with the TLS certificate.")
        @Pattern(Quantities.DNS_LABEL)
        String tlsSecretName) {}
