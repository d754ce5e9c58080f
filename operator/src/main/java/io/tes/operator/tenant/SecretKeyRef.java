package io.tes.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * A key of a Secret in the tenant's own namespace. The pod mounts it; the operator never reads it,
 * so it needs no access to the user's secrets.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretKeyRef(
    @Required @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$") String name,
    @JsonPropertyDescription("Key in the Secret (default: secret).")
        @Pattern("^[-._a-zA-Z0-9]+$")
        @Default("secret")
        String key) {

  public String keyOrDefault() {
    return key == null ? "secret" : key;
  }
}
