package io.tes.dataplane.testing;

import io.tes.dataplane.auth.ApiKeys;
import io.tes.dataplane.config.TenantConfig;
import io.tes.dataplane.config.TenantConfigLoader;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a tenant config file for tests the way an operator would: keys are generated here, only
 * their hashes go into the YAML.
 */
public final class TestTenant {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String tenant;
  private final Map<String, String> keysByClient = new LinkedHashMap<>();
  private final StringBuilder keysYaml = new StringBuilder();
  private String extraYaml = "";

  public TestTenant(String tenant) {
    this.tenant = tenant;
  }

  /** Adds a key with the given scopes and returns the key itself. */
  public String addKey(String clientId, String... scopes) {
    return addRateLimitedKey(clientId, null, scopes);
  }

  /** Adds a key with a rate limit, given as YAML such as {@code {perSecond: 1, burst: 2}}. */
  public String addRateLimitedKey(String clientId, String rateLimitYaml, String... scopes) {
    String key = ApiKeys.generate(tenant, RANDOM);
    keysByClient.put(clientId, key);
    keysYaml
        .append("  - clientId: ")
        .append(clientId)
        .append("\n    hash: \"")
        .append(ApiKeys.hash(key))
        .append("\"\n    scopes: [")
        .append(String.join(", ", scopes))
        .append("]\n");
    if (rateLimitYaml != null) {
      keysYaml.append("    rateLimit: ").append(rateLimitYaml).append('\n');
    }
    return key;
  }

  /** Appends top-level YAML (schemas, limits, durability...). */
  public TestTenant with(String yaml) {
    extraYaml = extraYaml + yaml.stripTrailing() + "\n";
    return this;
  }

  public String key(String clientId) {
    return keysByClient.get(clientId);
  }

  public String yaml() {
    return "tenant: " + tenant + "\napiKeys:\n" + keysYaml + extraYaml;
  }

  public TenantConfig config() {
    return new TenantConfigLoader().parse(yaml());
  }
}
