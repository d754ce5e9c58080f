package io.tes.dataplane.graphql.schema;

import java.util.List;

/**
 * A Relay cursor connection: a page of nodes, each with its cursor, and where the page stands.
 *
 * @param edges the nodes with their cursors
 * @param pageInfo whether more pages follow or precede
 * @param appliedPosition for things: the projection's position when the page was read
 */
record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Long appliedPosition) {
  record Edge<T>(String cursor, T node) {}

  record PageInfo(
      boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

  static <T> Connection<T> of(
      List<Edge<T>> edges, boolean hasNextPage, boolean hasPreviousPage, Long appliedPosition) {
    var info =
        new PageInfo(
            hasNextPage,
            hasPreviousPage,
            edges.isEmpty() ? null : edges.getFirst().cursor(),
            edges.isEmpty() ? null : edges.getLast().cursor());
    return new Connection<>(List.copyOf(edges), info, appliedPosition);
  }

  List<T> nodes() {
    return edges.stream().map(Edge::node).toList();
  }
}
