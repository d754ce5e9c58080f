package io.tes.dataplane.graphql.schema;

import io.tes.dataplane.graphql.ErrorCode;
import io.tes.dataplane.graphql.GraphqlFault;
import io.tes.dataplane.projection.ThingQuery;
import io.tes.dataplane.projection.ThingQuery.Filter;
import io.tes.dataplane.projection.ThingQuery.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Turns {@code StateFilter} inputs into the projection's filters, with typed operands. */
final class StateFilters {
  private static final List<String> OPERATORS =
      List.of("eq", "ne", "gt", "gte", "lt", "lte", "contains", "exists", "in");

  private StateFilters() {}

  static List<Filter> from(List<Map<String, Object>> inputs) {
    var filters = new ArrayList<Filter>();
    if (inputs == null) {
      return filters;
    }
    for (Map<String, Object> input : inputs) {
      String path = ThingQuery.checkPath((String) input.get("path"));
      int before = filters.size();
      for (String name : OPERATORS) {
        if (input.containsKey(name)) {
          filters.add(filter(path, name, input.get(name)));
        }
      }
      if (filters.size() == before) {
        throw new GraphqlFault(
            ErrorCode.BAD_USER_INPUT,
            "The filter on '" + path + "' names no operator; use one of " + OPERATORS + ".");
      }
    }
    return filters;
  }

  @SuppressWarnings("unchecked")
  private static Filter filter(String path, String name, Object value) {
    Op op = Op.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    return switch (op) {
      case EXISTS -> new Filter(path, op, List.of(Boolean.TRUE.equals(value)));
      case CONTAINS -> {
        if (value == null) {
          throw operand(path, name, "a string");
        }
        yield new Filter(path, op, List.of(value));
      }
      case IN -> {
        if (value == null) {
          throw operand(path, name, "a list of JSON scalars");
        }
        var values = new ArrayList<Object>();
        for (JsonNode node : (List<JsonNode>) value) {
          values.add(scalar(path, name, node));
        }
        yield new Filter(path, op, values);
      }
      default ->
          new Filter(path, op, Collections.singletonList(scalar(path, name, (JsonNode) value)));
    };
  }

  /** A JSON operand as the projection compares it: Long, Double, Boolean, String or null. */
  private static Object scalar(String path, String name, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isString()) {
      return node.stringValue();
    }
    throw operand(path, name, "a JSON scalar (number, string, boolean or null)");
  }

  private static GraphqlFault operand(String path, String name, String wanted) {
    return new GraphqlFault(
        ErrorCode.BAD_USER_INPUT,
        "'" + name + "' of the filter on '" + path + "' must be " + wanted + ".");
  }
}
