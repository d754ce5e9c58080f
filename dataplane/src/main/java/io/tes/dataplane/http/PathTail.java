package io.tes.dataplane.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a percent-encoded identifier out of a raw request path. Subjects may hold '/', sent as %2F,
 * which path-parameter matching would split, so such routes match a wildcard and take the
 * identifier from the raw path here.
 */
public final class PathTail {
  private PathTail() {}

  /**
   * The decoded text between {@code prefix} and {@code suffix} of a raw path.
   *
   * @throws ProblemException 404 when the path has no such part, 400 for bad percent-encoding
   */
  public static String between(String rawPath, String prefix, String suffix, String usage) {
    int start = rawPath.indexOf(prefix);
    if (start < 0
        || !rawPath.endsWith(suffix)
        || rawPath.length() <= start + prefix.length() + suffix.length()) {
      throw ProblemType.NOT_FOUND.exception(usage);
    }
    String raw = rawPath.substring(start + prefix.length(), rawPath.length() - suffix.length());
    try {
      // URLDecoder decodes form encoding; a '+' in a path is a plus sign, so protect it first.
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ProblemType.INVALID_PARAMETER.exception(
          "The identifier in the path has invalid percent-encoding: '" + raw + "'.");
    }
  }
}
