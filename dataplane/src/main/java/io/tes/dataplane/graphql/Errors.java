package io.tes.dataplane.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds GraphQL errors that carry a stable {@link ErrorCode} in their extensions. */
public final class Errors {
  private Errors() {}

  public static GraphQLError of(ErrorCode code, String message) {
    return of(code, message, Map.of());
  }

  public static GraphQLError of(ErrorCode code, String message, Map<String, Object> more) {
    var extensions = new LinkedHashMap<String, Object>();
    extensions.put("code", code.name());
    extensions.putAll(more);
    return GraphqlErrorBuilder.newError()
        .message(message)
        .errorType(ErrorClassification.errorClassification(code.name()))
        .extensions(extensions)
        .build();
  }

  /** The same error with a code added (graphql-java's own errors carry only a classification). */
  public static GraphQLError withCode(GraphQLError error, ErrorCode code) {
    var extensions = new LinkedHashMap<String, Object>();
    extensions.put("code", code.name());
    if (error.getExtensions() != null) {
      error.getExtensions().forEach(extensions::putIfAbsent);
    }
    var builder =
        GraphqlErrorBuilder.newError()
            .message(error.getMessage())
            .errorType(error.getErrorType())
            .extensions(extensions);
    if (error.getLocations() != null) {
      builder.locations(error.getLocations());
    }
    if (error.getPath() != null) {
      builder.path(error.getPath());
    }
    return builder.build();
  }

  public static List<GraphQLError> withCode(List<GraphQLError> errors, ErrorCode code) {
    return errors.stream().map(e -> withCode(e, code)).toList();
  }

  /** The code of an error, when it has one of ours. */
  public static String codeOf(GraphQLError error) {
    Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
    return code == null ? null : code.toString();
  }
}
