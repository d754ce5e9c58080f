package io.tes.dataplane.config;

/**
 * Protections of the tenant's GraphQL endpoint.
 *
 * @param introspection whether schema introspection is allowed
 * @param maxDepth deepest query allowed
 * @param maxCost largest computed cost allowed
 * @param maxPageSize largest page a connection returns
 * @param timeoutMillis longest a request may run
 */
public record GraphqlSettings(
    Boolean introspection,
    Integer maxDepth,
    Integer maxCost,
    Integer maxPageSize,
    Integer timeoutMillis) {
  public static final GraphqlSettings DEFAULT = new GraphqlSettings(null, null, null, null, null);

  public GraphqlSettings {
    introspection = introspection == null || introspection;
    maxDepth = maxDepth == null ? 12 : maxDepth;
    maxCost = maxCost == null ? 5000 : maxCost;
    maxPageSize = maxPageSize == null ? 500 : maxPageSize;
    timeoutMillis = timeoutMillis == null ? 10_000 : timeoutMillis;
  }
}
