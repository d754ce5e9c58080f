package io.tes.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookSpec(
    @Required @Pattern("^[a-z0-9]([-a-z0-9]{0,48}[a-z0-9])?$") String name,
    @Required @Pattern("^https?://[^\\s]+$") String url,
    @JsonPropertyDescription("CloudEvents types to deliver; all when empty.")
        List<String> eventTypes,
    @JsonPropertyDescription(
            "Secret in the tenant namespace holding the whsec_ signing secret(s), one per line.")
        SecretKeyRef secretRef) {}
