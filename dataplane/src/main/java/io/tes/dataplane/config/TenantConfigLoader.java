package io.tes.dataplane.config;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a tenant config file and checks it against the published JSON Schema before it is used, so
 * a typo is a start-up error with a precise message rather than a silent default.
 */
public final class TenantConfigLoader {
  private static final String SCHEMA_RESOURCE = "/schemas/tenant-config.schema.json";

  private final YAMLMapper yaml = YAMLMapper.builder().build();
  private final Schema schema;

  public TenantConfigLoader() {
    try (InputStream in = TenantConfigLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
      }
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(yaml.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TenantConfig load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("tenant config file " + file + " does not exist", List.of());
    }
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException("cannot read tenant config file " + file, e);
    }
  }

  /** Parses and validates YAML (or JSON) text. */
  public TenantConfig parse(String text) {
    JsonNode tree;
    try {
      tree = yaml.readTree(text);
    } catch (JacksonException e) {
      throw new ConfigException("tenant config is not valid YAML", e);
    }
    var errors = schema.validate(tree);
    if (!errors.isEmpty()) {
      throw new ConfigException(
          "tenant config does not follow schemas/tenant-config.schema.json",
          errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList());
    }
    return yaml.treeToValue(tree, TenantConfig.class);
  }
}
