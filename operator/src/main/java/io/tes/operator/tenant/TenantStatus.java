package io.tes.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** What the operator observed; written only when it changes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantStatus(
    Long observedGeneration,
    Phase phase,
    String region,
    String namespace,
    String endpoint,
    String credentialsSecret,
    List<Condition> conditions) {}
