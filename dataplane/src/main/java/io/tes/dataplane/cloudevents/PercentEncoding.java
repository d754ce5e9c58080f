package io.tes.dataplane.cloudevents;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding of ce-* header values in the CloudEvents HTTP binding: space, '"', '%' and
 * every UTF-8 byte outside printable ASCII travel as %XX. Decoding also takes raw UTF-8 bytes.
 */
public final class PercentEncoding {
  private PercentEncoding() {}

  public static String decode(String header, String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    var bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '%') {
        bytes.write(c);
        continue;
      }
      if (i + 2 >= value.length()) {
        throw invalid(header, "a '%' is not followed by two hex digits");
      }
      int high = Character.digit(value.charAt(i + 1), 16);
      int low = Character.digit(value.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        throw invalid(header, value, i);
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid(header, "the percent-decoded bytes are not UTF-8");
    }
  }

  public static String encode(String value) {
    var out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int unsigned = b & 0xFF;
      if (unsigned > 0x20 && unsigned < 0x7F && unsigned != '"' && unsigned != '%') {
        out.append((char) unsigned);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(unsigned >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(unsigned & 0xF, 16)));
      }
    }
    return out.toString();
  }

  private static InvalidEventException invalid(String header, String value, int index) {
    return invalid(
        header, "'" + value.substring(index, Math.min(value.length(), index + 3)) + "' is not %XX");
  }

  private static InvalidEventException invalid(String header, String reason) {
    return new InvalidEventException(
        header, "header '" + header + "' has invalid percent-encoding: " + reason);
  }
}
