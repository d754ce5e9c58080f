package io.tes.dataplane.config;

import java.util.List;

/**
 * One API key of the tenant as the config stores it: never the key, only its hash.
 *
 * @param clientId who the key was issued to
 * @param hash {@code sha256:<hex>} of the key
 * @param scopes what the key may do: ingest, read, admin
 * @param rateLimit an override of the tenant's per-key rate limit, or null
 */
public record ApiKeyEntry(String clientId, String hash, List<String> scopes, RateLimit rateLimit) {
  public ApiKeyEntry {
    scopes = List.copyOf(scopes);
  }
}
