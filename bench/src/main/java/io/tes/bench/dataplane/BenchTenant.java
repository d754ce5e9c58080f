package io.tes.bench.dataplane;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The benchmark's tenant: one API key (generated here; the config holds only its hash, as the
 * operator would write it) and the durability under test. No rate limit: the benchmark wants the
 * log's limit, not the limiter's.
 */
public record BenchTenant(String name, String apiKey, String durability) {

  public static BenchTenant create(String durability) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String key = "tes_bench_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    return new BenchTenant("bench", key, durability);
  }

  public String yaml() {
    return """
        tenant: %s
        region: local
        durability: %s
        apiKeys:
          - clientId: bench
            hash: "sha256:%s"
            scopes: [ingest, read]
        schemas:
          unknownTypes: accept
        """
        .formatted(name, durability, sha256Hex(apiKey));
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
