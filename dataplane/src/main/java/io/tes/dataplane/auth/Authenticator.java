package io.tes.dataplane.auth;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.tes.dataplane.config.ApiKeyEntry;
import io.tes.dataplane.config.TenantConfig;
import io.tes.dataplane.http.ProblemType;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks {@code Authorization: Bearer} keys against the tenant's stored hashes. Every stored hash
 * is compared, in constant time, whatever matches, so timing tells nothing about which key exists.
 */
public final class Authenticator {
  private static final String BEARER = "bearer ";

  private final String tenant;
  private final List<StoredKey> keys;

  private record StoredKey(byte[] digest, Principal principal) {}

  public Authenticator(TenantConfig config) {
    this.tenant = config.tenant();
    this.keys = config.apiKeys().stream().map(this::stored).toList();
  }

  private StoredKey stored(ApiKeyEntry entry) {
    Set<Scope> scopes = entry.scopes().stream().map(Scope::fromWire).collect(Collectors.toSet());
    return new StoredKey(
        ApiKeys.parseHash(entry.hash()), new Principal(tenant, entry.clientId(), scopes));
  }

  /**
   * The caller named by an Authorization header value.
   *
   * @throws io.tes.dataplane.http.ProblemException 401 when the key is missing or unknown
   */
  public Principal authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw ProblemType.UNAUTHENTICATED.exception(
          "Send the API key as 'Authorization: Bearer <key>'.");
    }
    if (authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw ProblemType.UNAUTHENTICATED.exception(
          "The Authorization header must use the Bearer scheme.");
    }
    String key = authorization.substring(BEARER.length()).trim();
    byte[] presented = ApiKeys.digest(key);
    Principal found = null;
    for (StoredKey stored : keys) {
      if (MessageDigest.isEqual(stored.digest(), presented) && found == null) {
        found = stored.principal();
      }
    }
    if (found != null) {
      return found;
    }
    String owner = ApiKeys.tenantOf(key).orElse(null);
    if (owner != null && !owner.equals(tenant)) {
      throw ProblemType.UNAUTHENTICATED.exception(
          "The API key was issued for another tenant; this is tenant '" + tenant + "'.");
    }
    throw ProblemType.UNAUTHENTICATED.exception("The API key is not valid for this tenant.");
  }

  /** Authenticates a request by its Authorization header and checks that it holds a scope. */
  public Principal require(ServerRequest request, Scope scope) {
    return require(request.headers().value(HeaderNames.AUTHORIZATION).orElse(null), scope);
  }

  /** Authenticates and checks that the caller holds a scope. */
  public Principal require(String authorization, Scope scope) {
    Principal principal = authenticate(authorization);
    if (!principal.has(scope)) {
      throw ProblemType.FORBIDDEN.exception(
          "The API key of client '"
              + principal.clientId()
              + "' lacks the '"
              + scope.wireName()
              + "' scope.");
    }
    return principal;
  }
}
