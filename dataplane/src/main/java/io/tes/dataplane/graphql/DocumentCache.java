package io.tes.dataplane.graphql;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsed and validated documents by query text. Clients send the same few documents again and
 * again, and parsing plus validation is most of the cost of a small query. Bounded, least recently
 * used first out.
 */
final class DocumentCache {
  /** A document and what was wrong with it (parse or validation errors, already coded). */
  record Checked(Document document, List<GraphQLError> errors) {}

  private static final int MAX_CACHED_CHARS = 16 * 1024;

  private final GraphQLSchema schema;
  private final Map<String, Checked> entries;

  DocumentCache(GraphQLSchema schema, int capacity) {
    this.schema = schema;
    this.entries =
        new LinkedHashMap<>(capacity, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Checked> eldest) {
            return size() > capacity;
          }
        };
  }

  Checked get(String query) {
    if (query.length() > MAX_CACHED_CHARS) {
      // Large documents are rare and would make the cache's memory unbounded: check each time.
      return check(query);
    }
    synchronized (entries) {
      Checked cached = entries.get(query);
      if (cached != null) {
        return cached;
      }
    }
    Checked checked = check(query);
    synchronized (entries) {
      entries.put(query, checked);
    }
    return checked;
  }

  private Checked check(String query) {
    ParseAndValidateResult parsed =
        ParseAndValidate.parse(ExecutionInput.newExecutionInput(query).build());
    if (parsed.isFailure()) {
      return new Checked(null, Errors.withCode(parsed.getErrors(), ErrorCode.GRAPHQL_PARSE_FAILED));
    }
    Document document = parsed.getDocument();
    List<GraphQLError> invalid = List.copyOf(ParseAndValidate.validate(schema, document));
    return new Checked(document, Errors.withCode(invalid, ErrorCode.GRAPHQL_VALIDATION_FAILED));
  }
}
