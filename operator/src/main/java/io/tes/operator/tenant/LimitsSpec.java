package io.tes.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Bounds mirror the tenant config schema, so a Tenant the API server accepts renders validly. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LimitsSpec(
    @JsonPropertyDescription("Largest event in bytes (default 262144).") @Min(256) @Max(16777216)
        Integer maxEventBytes,
    @JsonPropertyDescription("Largest batch in bytes (default 4194304).") @Min(256) @Max(67108864)
        Integer maxBatchBytes,
    @JsonPropertyDescription("Most events in one batch (default 1000).") @Min(1) @Max(10000)
        Integer maxBatchEvents,
    @JsonPropertyDescription("Requests per second per API key (token bucket).") @Min(1)
        Integer ratePerSecond,
    @JsonPropertyDescription("Burst the token bucket may save up.") @Min(1) Integer burst) {}
