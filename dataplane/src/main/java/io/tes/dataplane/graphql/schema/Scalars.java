package io.tes.dataplane.graphql.schema;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import io.tes.dataplane.http.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** The custom scalars of the schema: Long, DateTime and JSON. */
final class Scalars {
  private Scalars() {}

  static final GraphQLScalarType LONG =
      GraphQLScalarType.newScalar().name("Long").coercing(new LongCoercing()).build();

  static final GraphQLScalarType DATE_TIME =
      GraphQLScalarType.newScalar().name("DateTime").coercing(new DateTimeCoercing()).build();

  static final GraphQLScalarType JSON =
      GraphQLScalarType.newScalar().name("JSON").coercing(new JsonCoercing()).build();

  private static final class LongCoercing implements Coercing<Long, Long> {
    @Override
    public Long serialize(Object value, GraphQLContext context, Locale locale) {
      Long result = toLong(value);
      if (result == null) {
        throw new CoercingSerializeException("not a 64-bit integer: " + value);
      }
      return result;
    }

    @Override
    public Long parseValue(Object input, GraphQLContext context, Locale locale) {
      Long result = toLong(input);
      if (result == null) {
        throw new CoercingParseValueException("Long must be an integer, was '" + input + "'");
      }
      return result;
    }

    @Override
    public Long parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      Long result =
          switch (input) {
            case IntValue i -> toLong(i.getValue());
            case StringValue s -> toLong(s.getValue());
            default -> null;
          };
      if (result == null) {
        throw new CoercingParseLiteralException("Long must be an integer literal");
      }
      return result;
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
      return IntValue.of(serialize(input, context, locale).intValue());
    }

    private static Long toLong(Object value) {
      try {
        return switch (value) {
          case Long l -> l;
          case Integer i -> i.longValue();
          case Short s -> s.longValue();
          case BigInteger b -> b.longValueExact();
          case BigDecimal d -> d.longValueExact();
          case Double d when d == Math.rint(d) && Math.abs(d) < 9.0e15 -> d.longValue();
          case String s -> Long.parseLong(s.trim());
          case null, default -> null;
        };
      } catch (ArithmeticException | NumberFormatException e) {
        return null;
      }
    }
  }

  private static final class DateTimeCoercing implements Coercing<Instant, String> {
    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
      return switch (value) {
        case Instant i -> i.toString();
        case OffsetDateTime o -> o.toString();
        case String s -> s;
        default -> throw new CoercingSerializeException("not a date-time: " + value);
      };
    }

    @Override
    public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
      if (input instanceof String s) {
        Instant parsed = parse(s);
        if (parsed != null) {
          return parsed;
        }
      }
      throw new CoercingParseValueException(
          "DateTime must be an RFC 3339 date-time such as 2025-01-31T12:00:00Z, was '"
              + input
              + "'");
    }

    @Override
    public Instant parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      if (input instanceof StringValue s) {
        Instant parsed = parse(s.getValue());
        if (parsed != null) {
          return parsed;
        }
      }
      throw new CoercingParseLiteralException(
          "DateTime must be an RFC 3339 date-time string such as \"2025-01-31T12:00:00Z\"");
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
      return StringValue.of(serialize(input, context, locale));
    }

    private static Instant parse(String text) {
      try {
        return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  /**
   * Any JSON value. Output may be a Jackson tree or raw JSON text (event data is stored as compact
   * JSON and written out as it is, without a parse); input becomes a Jackson tree.
   */
  private static final class JsonCoercing implements Coercing<JsonNode, Object> {
    @Override
    public Object serialize(Object value, GraphQLContext context, Locale locale) {
      return value;
    }

    @Override
    public JsonNode parseValue(Object input, GraphQLContext context, Locale locale) {
      if (input instanceof JsonNode node) {
        return node;
      }
      if (input instanceof RawValue raw) {
        return Json.mapper().readTree(raw.rawValue().toString());
      }
      return Json.mapper().valueToTree(input);
    }

    @Override
    public JsonNode parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      return switch (input) {
        case StringValue s -> Json.mapper().getNodeFactory().stringNode(s.getValue());
        case IntValue i -> Json.mapper().getNodeFactory().numberNode(i.getValue());
        case FloatValue f -> Json.mapper().getNodeFactory().numberNode(f.getValue());
        case BooleanValue b -> Json.mapper().getNodeFactory().booleanNode(b.isValue());
        case NullValue n -> Json.mapper().nullNode();
        case EnumValue e -> Json.mapper().getNodeFactory().stringNode(e.getName());
        case ArrayValue a -> {
          ArrayNode array = Json.mapper().createArrayNode();
          a.getValues().forEach(v -> array.add(parseLiteral(v, variables, context, locale)));
          yield array;
        }
        case ObjectValue o -> {
          ObjectNode object = Json.mapper().createObjectNode();
          o.getObjectFields()
              .forEach(
                  f ->
                      object.set(
                          f.getName(), parseLiteral(f.getValue(), variables, context, locale)));
          yield object;
        }
        case VariableReference v -> parseValue(variables.get(v.getName()), context, locale);
        default -> throw new CoercingParseLiteralException("not a JSON literal: " + input);
      };
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
      return StringValue.of(Json.mapper().writeValueAsString(input));
    }
  }
}
