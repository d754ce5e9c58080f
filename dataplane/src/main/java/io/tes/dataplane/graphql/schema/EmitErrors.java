package io.tes.dataplane.graphql.schema;

import graphql.schema.GraphQLObjectType;
import graphql.schema.TypeResolver;
import io.tes.dataplane.http.Problem;
import io.tes.dataplane.http.ProblemType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The typed results of the emit mutations. A result is a map with its GraphQL type name under
 * {@link #TYPE}; the default property fetchers read the other members.
 */
final class EmitErrors {
  static final String TYPE = "__type";

  private EmitErrors() {}

  /** The refusals, with the GraphQL type and the REST problem type of each. */
  enum Kind {
    INVALID_EVENT("InvalidEvent", ProblemType.INVALID_EVENT),
    PAYLOAD_TOO_LARGE("EventTooLarge", ProblemType.PAYLOAD_TOO_LARGE),
    UNKNOWN_EVENT_TYPE("UnknownEventType", ProblemType.UNKNOWN_EVENT_TYPE),
    SCHEMA_VIOLATION("SchemaViolation", ProblemType.SCHEMA_VIOLATION),
    DUPLICATE_ID_CONFLICT("DuplicateConflict", ProblemType.DUPLICATE_CONFLICT),
    VERSION_CONFLICT("VersionConflict", ProblemType.VERSION_CONFLICT),
    RATE_LIMITED("RateLimited", ProblemType.RATE_LIMITED),
    UNAVAILABLE("Unavailable", ProblemType.UNAVAILABLE);

    private final String typeName;
    private final ProblemType problem;

    Kind(String typeName, ProblemType problem) {
      this.typeName = typeName;
      this.problem = problem;
    }

    String slug() {
      String uri = problem.uri();
      return uri.substring(uri.lastIndexOf('/') + 1);
    }

    static Optional<Kind> of(Problem problem) {
      return Arrays.stream(values())
          .filter(k -> k.problem.uri().equals(problem.type()))
          .findFirst();
    }
  }

  static Map<String, Object> result(Emitter.Rejection rejection) {
    var result = new LinkedHashMap<String, Object>(rejection.details());
    result.put(TYPE, rejection.kind().typeName);
    result.put("code", rejection.kind().name());
    result.put("message", rejection.message());
    return result;
  }

  static Map<String, Object> success(String typeName, String field, Object value) {
    var result = new LinkedHashMap<String, Object>();
    result.put(TYPE, typeName);
    result.put(field, value);
    return result;
  }

  /** Resolves the unions and the EmitError interface by the type name a result carries. */
  static final TypeResolver RESOLVER =
      env -> {
        Map<?, ?> result = env.getObject();
        GraphQLObjectType type = env.getSchema().getObjectType((String) result.get(TYPE));
        return type;
      };
}
