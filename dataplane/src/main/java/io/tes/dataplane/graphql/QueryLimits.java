package io.tes.dataplane.graphql;

import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import io.tes.dataplane.config.GraphqlSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The protections that run before execution: introspection switch, depth, cost and page size. They
 * work on the normalized operation (fragments expanded, variables applied), so an operation cannot
 * hide its size behind fragments or variables. Introspection fields are left out of depth and cost:
 * tools send deep but cheap introspection queries, and graphql-java guards those separately.
 *
 * <p>Cost: every field costs 1 plus its {@code @cost(weight)}; a connection field multiplies the
 * cost of its selections by its page size ({@code first} or {@code last}, else the default).
 */
public final class QueryLimits {
  private final GraphQLSchema schema;
  private final GraphqlSettings settings;
  private final int defaultPageSize;

  public QueryLimits(GraphQLSchema schema, GraphqlSettings settings, int defaultPageSize) {
    this.schema = schema;
    this.settings = settings;
    this.defaultPageSize = defaultPageSize;
  }

  /** The first error in the operation's shape, before variables are known. */
  public Optional<GraphQLError> checkIntrospection(Document document, OperationDefinition op) {
    if (settings.introspection()) {
      return Optional.empty();
    }
    Map<String, FragmentDefinition> fragments = fragments(document);
    if (selectsIntrospection(op.getSelectionSet(), fragments, new HashSet<>())) {
      return Optional.of(
          Errors.of(
              ErrorCode.INTROSPECTION_DISABLED,
              "Introspection (__schema, __type) is switched off for this tenant."));
    }
    return Optional.empty();
  }

  /** The first limit the normalized operation breaks, if any. */
  public Optional<GraphQLError> check(ExecutableNormalizedOperation operation) {
    int depth = 0;
    long cost = 0;
    for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
      Optional<GraphQLError> pageError = checkPageSizes(field);
      if (pageError.isPresent()) {
        return pageError;
      }
      depth = Math.max(depth, depth(field));
      cost += cost(field);
    }
    if (depth > settings.maxDepth()) {
      return Optional.of(
          Errors.of(
              ErrorCode.MAX_DEPTH_EXCEEDED,
              "The query is "
                  + depth
                  + " levels deep; this tenant allows "
                  + settings.maxDepth()
                  + ".",
              Map.of("depth", depth, "maxDepth", settings.maxDepth())));
    }
    if (cost > settings.maxCost()) {
      return Optional.of(
          Errors.of(
              ErrorCode.MAX_COST_EXCEEDED,
              "The query costs "
                  + cost
                  + "; this tenant allows "
                  + settings.maxCost()
                  + ". Ask for smaller pages or fewer nested connections.",
              Map.of("cost", cost, "maxCost", settings.maxCost())));
    }
    return Optional.empty();
  }

  private Optional<GraphQLError> checkPageSizes(ExecutableNormalizedField field) {
    if (isIntrospection(field)) {
      return Optional.empty();
    }
    for (String argument : List.of("first", "last")) {
      if (field.getResolvedArguments().get(argument) instanceof Integer size
          && size > settings.maxPageSize()) {
        return Optional.of(
            Errors.of(
                ErrorCode.PAGE_SIZE_EXCEEDED,
                "'"
                    + argument
                    + "' of '"
                    + field.getName()
                    + "' is "
                    + size
                    + "; pages hold at most "
                    + settings.maxPageSize()
                    + " items.",
                Map.of("maxPageSize", settings.maxPageSize())));
      }
    }
    for (ExecutableNormalizedField child : field.getChildren()) {
      Optional<GraphQLError> error = checkPageSizes(child);
      if (error.isPresent()) {
        return error;
      }
    }
    return Optional.empty();
  }

  private static int depth(ExecutableNormalizedField field) {
    if (isIntrospection(field)) {
      return 0;
    }
    int below = 0;
    for (ExecutableNormalizedField child : field.getChildren()) {
      below = Math.max(below, depth(child));
    }
    return 1 + below;
  }

  private long cost(ExecutableNormalizedField field) {
    if (isIntrospection(field)) {
      return 0;
    }
    long children = 0;
    for (ExecutableNormalizedField child : field.getChildren()) {
      children += cost(child);
    }
    long own = 1;
    long multiplier = 1;
    for (GraphQLFieldDefinition definition : field.getFieldDefinitions(schema)) {
      own = Math.max(own, 1 + weight(definition));
      if (GraphQLTypeUtil.unwrapAll(definition.getType()).getName().endsWith("Connection")) {
        multiplier = pageSize(field);
      }
    }
    return own + multiplier * children;
  }

  private long pageSize(ExecutableNormalizedField field) {
    for (String argument : List.of("first", "last")) {
      if (field.getResolvedArguments().get(argument) instanceof Integer size) {
        return Math.max(size, 1);
      }
    }
    return defaultPageSize;
  }

  private static int weight(GraphQLFieldDefinition definition) {
    GraphQLAppliedDirective cost = definition.getAppliedDirective("cost");
    if (cost == null) {
      return 0;
    }
    Object weight = cost.getArgument("weight").getValue();
    return weight instanceof Number n ? n.intValue() : 0;
  }

  private static boolean isIntrospection(ExecutableNormalizedField field) {
    return field.getName().startsWith("__");
  }

  private static Map<String, FragmentDefinition> fragments(Document document) {
    var fragments = new java.util.HashMap<String, FragmentDefinition>();
    for (FragmentDefinition definition : document.getDefinitionsOfType(FragmentDefinition.class)) {
      fragments.put(definition.getName(), definition);
    }
    return fragments;
  }

  /** Introspection fields live on the query root only, so the top selection set is enough. */
  private static boolean selectsIntrospection(
      SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> seen) {
    if (set == null) {
      return false;
    }
    for (Selection<?> selection : set.getSelections()) {
      boolean found =
          switch (selection) {
            case Field field ->
                field.getName().equals("__schema") || field.getName().equals("__type");
            case InlineFragment inline ->
                selectsIntrospection(inline.getSelectionSet(), fragments, seen);
            case FragmentSpread spread ->
                seen.add(spread.getName())
                    && fragments.containsKey(spread.getName())
                    && selectsIntrospection(
                        fragments.get(spread.getName()).getSelectionSet(), fragments, seen);
            default -> false;
          };
      if (found) {
        return true;
      }
    }
    return false;
  }
}
