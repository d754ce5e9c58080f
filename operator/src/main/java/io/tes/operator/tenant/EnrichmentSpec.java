package io.tes.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrichmentSpec(
    @JsonPropertyDescription("Compute text embeddings of events in-process.") Boolean embeddings,
    @JsonPropertyDescription("JSON pointer-like fields of the data to embed.")
        List<String> embeddingFields,
    @JsonPropertyDescription("OpenAI-compatible endpoint for vision and pricing steps.")
        @Pattern("^https?://[^\\s]+$")
        String modelEndpoint,
    String modelName,
    @JsonPropertyDescription("Secret in the tenant namespace with the model endpoint's API key.")
        SecretKeyRef apiKeySecretRef) {}
