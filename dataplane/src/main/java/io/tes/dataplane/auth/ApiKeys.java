package io.tes.dataplane.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The API key format: {@code tes_<tenant>_<43 characters of base64url>}, 256 random bits. The
 * tenant in the key lets a data plane tell a foreign key from a wrong one; only the SHA-256 of the
 * whole key is ever stored (a slow password hash buys nothing for 256-bit random secrets).
 */
public final class ApiKeys {
  private static final String PREFIX = "tes_";
  private static final String HASH_PREFIX = "sha256:";

  private ApiKeys() {}

  public static String generate(String tenant, SecureRandom random) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    return PREFIX + tenant + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The stored form of a key: {@code sha256:<lowercase hex>}. */
  public static String hash(String key) {
    return HASH_PREFIX + HexFormat.of().formatHex(digest(key));
  }

  static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Decodes a stored hash into its digest bytes. */
  static byte[] parseHash(String stored) {
    if (!stored.startsWith(HASH_PREFIX)) {
      throw new IllegalArgumentException("unsupported key hash: " + stored);
    }
    return HexFormat.of().parseHex(stored.substring(HASH_PREFIX.length()));
  }

  /** The tenant a key names, when it has our format. */
  public static Optional<String> tenantOf(String key) {
    if (!key.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int end = key.indexOf('_', PREFIX.length());
    return end <= PREFIX.length()
        ? Optional.empty()
        : Optional.of(key.substring(PREFIX.length(), end));
  }
}
