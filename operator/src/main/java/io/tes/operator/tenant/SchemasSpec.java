package io.tes.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.generator.annotation.Default;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemasSpec(
    @JsonPropertyDescription("accept (default) or reject events whose type has no schema.")
        @Default("accept")
        UnknownTypePolicy unknownTypes,
    @JsonPropertyDescription("Inline JSON Schemas of event data, keyed by CloudEvents type.")
        Map<String, JsonNode> types,
    @JsonPropertyDescription(
            "A ConfigMap whose keys are CloudEvents types and whose values are JSON Schemas."
                + " Inline types win over it.")
        ConfigMapRef configMapRef) {}
