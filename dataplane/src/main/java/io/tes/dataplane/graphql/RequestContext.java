package io.tes.dataplane.graphql;

import io.tes.dataplane.auth.Principal;

/**
 * What fetchers know about the request they serve, kept in the GraphQL context.
 *
 * @param principal the caller
 */
public record RequestContext(Principal principal) {}
