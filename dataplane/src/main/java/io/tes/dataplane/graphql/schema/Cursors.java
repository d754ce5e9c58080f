package io.tes.dataplane.graphql.schema;

import io.tes.dataplane.graphql.ErrorCode;
import io.tes.dataplane.graphql.GraphqlFault;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors over a number: a kind ("e" for log positions, "v" for stream versions) and the
 * value, base64url-encoded. The kind keeps a cursor of one list from being used on another.
 */
final class Cursors {
  private Cursors() {}

  static String encode(String kind, long value) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((kind + ":" + value).getBytes(StandardCharsets.US_ASCII));
  }

  static long decode(String kind, String cursor, String argument) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (text.startsWith(kind + ":")) {
        long value = Long.parseLong(text.substring(kind.length() + 1));
        if (value >= 0) {
          return value;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the fault below
    }
    throw new GraphqlFault(
        ErrorCode.BAD_USER_INPUT,
        "'" + argument + "' is not a cursor this server issued for this list.",
        java.util.Map.of("argument", argument));
  }
}
