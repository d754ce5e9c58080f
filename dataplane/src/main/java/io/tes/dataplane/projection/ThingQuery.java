package io.tes.dataplane.projection;

import io.tes.dataplane.http.Json;
import io.tes.dataplane.http.ProblemException;
import io.tes.dataplane.http.ProblemType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * A list query over things: filters on state fields, one sort key, keyset pagination by an opaque
 * cursor. Built from query parameters ({@code filter[price][gte]=10}, {@code sort=-state.price},
 * {@code limit}, {@code cursor}) or by the GraphQL layer.
 *
 * @param filters conditions, all of which must hold
 * @param sort the sort key
 * @param descending whether the sort is descending
 * @param limit page size
 * @param after the cursor of the last item of the previous page, or null
 * @param includeDeleted whether tombstones are listed
 */
public record ThingQuery(
    List<Filter> filters,
    SortKey sort,
    boolean descending,
    int limit,
    Cursor after,
    boolean includeDeleted) {

  private static final Pattern FILTER = Pattern.compile("filter\\[([^\\]]+)](?:\\[([a-z]+)])?");
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

  public ThingQuery {
    filters = List.copyOf(filters);
  }

  /** Comparison operators of a filter. */
  public enum Op {
    EQ,
    NE,
    GT,
    GTE,
    LT,
    LTE,
    CONTAINS,
    EXISTS,
    IN
  }

  /**
   * A condition on a state field.
   *
   * @param path dotted field path in the state
   * @param op the comparison
   * @param values the operand(s), typed: Long, Double, Boolean, String or null
   */
  public record Filter(String path, Op op, List<Object> values) {
    public Filter {
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  /** What things are ordered by: a column or a state field. */
  public record SortKey(String column, String statePath) {
    public static final SortKey ID = new SortKey("id", null);

    static SortKey parse(String text) {
      return switch (text) {
        case "id" -> ID;
        case "version" -> new SortKey("version", null);
        case "created", "createdTime" -> new SortKey("created_at", null);
        case "updated", "updatedTime" -> new SortKey("updated_at", null);
        default -> {
          if (text.startsWith("state.") && PATH.matcher(text.substring(6)).matches()) {
            yield new SortKey(null, text.substring(6));
          }
          throw invalid(
              "sort",
              "'"
                  + text
                  + "' is not a sort key; use id, version, created, updated or state.<field>,"
                  + " with '-' in front for descending");
        }
      };
    }
  }

  /** Where the previous page ended: its last sort value and id. */
  public record Cursor(Object value, String id) {
    public String encode() {
      ArrayNode node = Json.mapper().createArrayNode();
      switch (value) {
        case null -> node.addNull();
        case Long l -> node.add(l);
        case Double d -> node.add(d);
        default -> node.add(value.toString());
      }
      node.add(id);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(Json.mapper().writeValueAsBytes(node));
    }

    public static Cursor decode(String text) {
      try {
        JsonNode node = Json.mapper().readTree(Base64.getUrlDecoder().decode(text));
        if (!node.isArray() || node.size() != 2 || !node.get(1).isString()) {
          throw invalid("cursor", "the cursor is not one this server issued");
        }
        return new Cursor(typed(node.get(0)), node.get(1).stringValue());
      } catch (IllegalArgumentException | JacksonException e) {
        throw invalid("cursor", "the cursor is not one this server issued");
      }
    }
  }

  /**
   * A sort key by name, as in the {@code sort} parameter without its '-' (for the GraphQL layer).
   *
   * @throws ProblemException when the name is not a sort key
   */
  public static SortKey sortKey(String text) {
    return SortKey.parse(text);
  }

  /**
   * Checks a dotted state field path (for the GraphQL layer, which builds filters itself).
   *
   * @throws ProblemException when the path is not like a.b_c
   */
  public static String checkPath(String path) {
    if (!PATH.matcher(path).matches()) {
      throw invalid("path", "'" + path + "' is not a field path like a.b_c");
    }
    return path;
  }

  /** Reads a query from request parameters. */
  public static ThingQuery fromParameters(Map<String, List<String>> params, int maxLimit) {
    var filters = new ArrayList<Filter>();
    for (var entry : params.entrySet()) {
      Matcher m = FILTER.matcher(entry.getKey());
      if (!m.matches()) {
        continue;
      }
      String path = m.group(1);
      if (!PATH.matcher(path).matches()) {
        throw invalid(entry.getKey(), "'" + path + "' is not a field path like a.b_c");
      }
      Op op = parseOp(entry.getKey(), m.group(2));
      for (String value : entry.getValue()) {
        filters.add(new Filter(path, op, values(op, value)));
      }
    }
    String sortText = first(params, "sort", "id");
    boolean descending = sortText.startsWith("-");
    SortKey sort = SortKey.parse(descending ? sortText.substring(1) : sortText);
    int limit = parseLimit(first(params, "limit", "100"), maxLimit);
    String cursor = first(params, "cursor", null);
    boolean includeDeleted = Boolean.parseBoolean(first(params, "includeDeleted", "false"));
    return new ThingQuery(
        filters,
        sort,
        descending,
        limit,
        cursor == null ? null : Cursor.decode(cursor),
        includeDeleted);
  }

  private static Op parseOp(String parameter, String text) {
    if (text == null) {
      return Op.EQ;
    }
    try {
      return Op.valueOf(text.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(
          parameter,
          "'"
              + text
              + "' is not an operator; use eq, ne, gt, gte, lt, lte, contains, exists or in");
    }
  }

  private static List<Object> values(Op op, String text) {
    return switch (op) {
      case IN -> List.of(text.split(",", -1)).stream().map(ThingQuery::literal).toList();
      case EXISTS -> List.of(Boolean.parseBoolean(text));
      case CONTAINS -> List.of(text);
      default -> java.util.Collections.singletonList(literal(text));
    };
  }

  /** A parameter value with its JSON type: numbers, booleans, null; "quoted" forces a string. */
  static Object literal(String text) {
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      return text.substring(1, text.length() - 1);
    }
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      case "null" -> null;
      default -> {
        try {
          yield Long.parseLong(text);
        } catch (NumberFormatException notLong) {
          try {
            double d = Double.parseDouble(text);
            yield Double.isFinite(d) && !text.matches(".*[a-zA-Z].*") ? (Object) d : text;
          } catch (NumberFormatException notNumber) {
            yield text;
          }
        }
      }
    };
  }

  private static Object typed(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asString();
  }

  private static int parseLimit(String text, int maxLimit) {
    try {
      int limit = Integer.parseInt(text);
      if (limit < 1 || limit > maxLimit) {
        throw invalid("limit", "limit must be between 1 and " + maxLimit + ", was " + text);
      }
      return limit;
    } catch (NumberFormatException e) {
      throw invalid("limit", "limit must be an integer, was '" + text + "'");
    }
  }

  private static String first(Map<String, List<String>> params, String name, String fallback) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? fallback : values.getFirst();
  }

  static ProblemException invalid(String parameter, String detail) {
    return ProblemType.INVALID_PARAMETER
        .problem(Character.toUpperCase(detail.charAt(0)) + detail.substring(1) + ".")
        .with("parameter", parameter)
        .toException();
  }

  /** A cursor from the sort key and id of a thing. */
  static Cursor cursorOf(SortKey sort, Thing thing, Object stateValue) {
    Object value =
        switch (sort.column() == null ? "state" : sort.column()) {
          case "id" -> null;
          case "version" -> thing.version();
          case "created_at" -> ThingTable.micros(thing.createdAt());
          case "updated_at" -> ThingTable.micros(thing.updatedAt());
          default -> stateValue;
        };
    return new Cursor(value, thing.id());
  }
}
