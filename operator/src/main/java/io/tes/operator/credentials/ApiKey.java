package io.tes.operator.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An API key, {@code tes_<tenant>_<secret>}: the secret is 32 random bytes as 43 characters of
 * unpadded base64url. The tenant config stores only its SHA-256; a fast hash is safe for a key with
 * 256 bits of entropy.
 */
public record ApiKey(String value) {
  private static final Pattern FORMAT =
      Pattern.compile("^tes_[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?_[A-Za-z0-9_-]{43}$");

  public ApiKey {
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a TES API key (tes_<tenant>_<43 base64url chars>)");
    }
  }

  public static ApiKey generate(String tenantId, SecureRandom random) {
    var bytes = new byte[32];
    random.nextBytes(bytes);
    return new ApiKey(
        "tes_" + tenantId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** {@code sha256:<64 lowercase hex>} of the whole key string in UTF-8. */
  public String hash() {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return "sha256:"
          + HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "ApiKey[redacted]";
  }
}
