package io.tes.dataplane.graphql.schema;

import graphql.schema.DataFetchingEnvironment;
import io.tes.dataplane.graphql.ErrorCode;
import io.tes.dataplane.graphql.GraphqlFault;

/**
 * The Relay paging arguments of a connection field. The page-size cap was checked before execution
 * (see QueryLimits); here the arguments are checked for sense.
 *
 * @param size how many items
 * @param backward whether the page is taken from the end ({@code last}/{@code before})
 * @param after the cursor after which items start, or null
 * @param before the cursor before which items end, or null
 */
record PageArgs(int size, boolean backward, String after, String before) {

  static PageArgs of(DataFetchingEnvironment env, int defaultSize, boolean backwardAllowed) {
    Integer first = env.getArgument("first");
    Integer last = backwardAllowed ? env.getArgument("last") : null;
    if (first != null && last != null) {
      throw new GraphqlFault(
          ErrorCode.BAD_USER_INPUT, "Give 'first' or 'last', not both: a page has one direction.");
    }
    Integer size = first != null ? first : last;
    if (size != null && size < 0) {
      throw new GraphqlFault(
          ErrorCode.BAD_USER_INPUT,
          "'" + (first != null ? "first" : "last") + "' must not be negative, was " + size + ".");
    }
    String before = backwardAllowed ? env.getArgument("before") : null;
    return new PageArgs(
        size == null ? defaultSize : size, last != null, env.getArgument("after"), before);
  }
}
