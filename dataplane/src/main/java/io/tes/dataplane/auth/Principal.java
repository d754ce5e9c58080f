package io.tes.dataplane.auth;

import java.util.Set;

/**
 * The authenticated caller of a request.
 *
 * @param tenant the tenant the key belongs to
 * @param clientId the client the key was issued to
 * @param scopes what the key may do
 */
public record Principal(String tenant, String clientId, Set<Scope> scopes) {
  public Principal {
    scopes = Set.copyOf(scopes);
  }

  public boolean has(Scope scope) {
    return scopes.contains(scope);
  }
}
