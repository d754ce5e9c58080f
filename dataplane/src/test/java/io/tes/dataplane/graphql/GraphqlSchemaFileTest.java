package io.tes.dataplane.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.tes.dataplane.graphql.schema.TesSchema;
import io.tes.dataplane.http.Json;
import io.tes.dataplane.testing.AsyncTenant;
import io.tes.dataplane.testing.TestTenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The published SDL ({@code schemas/tes.graphql}) is the schema the server answers with, and every
 * operation in it is wired to code.
 */
class GraphqlSchemaFileTest {
  @TempDir Path dir;

  private static final SchemaPrinter PRINTER =
      new SchemaPrinter(
          SchemaPrinter.Options.defaultOptions()
              .includeDirectives(false)
              .includeScalarTypes(true)
              .includeSchemaDefinition(false)
              .includeIntrospectionTypes(false)
              .descriptionsAsHashComments(false));

  @Test
  void theServedSchemaIsThePublishedFile() throws Exception {
    String published = Files.readString(Path.of("..", "schemas", "tes.graphql"));
    assertThat(TesSchema.sdl()).isEqualTo(published);

    TestTenant tenant = AsyncTenant.create("sdl");
    try (var plane = GraphqlPlane.start(tenant, dir)) {
      var client = new GraphqlClient(plane.http(), tenant.key("app"));
      JsonNode data = client.data(IntrospectionQuery.INTROSPECTION_QUERY);
      @SuppressWarnings("unchecked")
      Map<String, Object> introspection = Json.mapper().treeToValue(data, Map.class);
      var served =
          UnExecutableSchemaGenerator.makeUnExecutableSchema(
              new SchemaParser()
                  .buildRegistry(
                      new IntrospectionResultToSchema().createSchemaDefinition(introspection)));
      var file =
          UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(published));
      assertThat(PRINTER.print(served)).isEqualTo(PRINTER.print(file));
    }
  }

  @Test
  void everyOperationIsWired() {
    // Building wires the fetchers without calling them, so no collaborator is needed here.
    GraphQLSchema schema =
        TesSchema.build(
            new TesSchema.Backend(
                AsyncTenant.create("wired").config(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null),
            50);
    for (GraphQLObjectType root :
        List.of(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())) {
      for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
        assertThat(schema.getCodeRegistry().getDataFetcher(root, field))
            .as(root.getName() + "." + field.getName())
            .isNotInstanceOf(PropertyDataFetcher.class);
      }
    }
  }
}
