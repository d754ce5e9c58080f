package io.tes.operator.testing;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** The tenant config JSON Schema of the repository, the contract with the data plane. */
public final class TenantConfigSchema {
  private final Schema schema;

  public TenantConfigSchema() {
    try {
      var text = Files.readString(Repo.path("schemas/tenant-config.schema.json"));
      var registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12,
              b ->
                  b.schemaRegistryConfig(
                      SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
      schema = registry.getSchema(text, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema's complaints about a tenant.yaml; empty when it is valid. */
  public List<String> errors(String yaml) {
    return schema.validate(yaml, InputFormat.YAML).stream()
        .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
        .toList();
  }
}
