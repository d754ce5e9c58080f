package io.tes.dataplane.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads request bodies without ever holding more than the limit in memory. */
public final class RequestBodies {
  private RequestBodies() {}

  /**
   * The whole body, at most {@code maxBytes}.
   *
   * @throws ProblemException 413 when the body is larger, before reading it when its length is
   *     declared
   */
  public static byte[] read(ServerRequest req, int maxBytes) {
    var declared = req.headers().value(HeaderNames.CONTENT_LENGTH);
    long length = -1;
    if (declared.isPresent()) {
      try {
        length = Long.parseLong(declared.get().trim());
      } catch (NumberFormatException e) {
        throw ProblemType.MALFORMED_REQUEST.exception("Content-Length is not a number.");
      }
      if (length > maxBytes) {
        throw tooLarge(length + " bytes", maxBytes);
      }
    }
    if (!req.content().hasEntity()) {
      return new byte[0];
    }
    if (length >= 0) {
      // The usual case: one array of the declared size, no growing buffer.
      try (InputStream in = req.content().inputStream()) {
        return in.readNBytes((int) length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (InputStream in = req.content().inputStream()) {
      var out = new ByteArrayOutputStream(Math.min(maxBytes, 16 * 1024));
      byte[] buffer = new byte[16 * 1024];
      int total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge("more than " + maxBytes + " bytes", maxBytes);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProblemException tooLarge(String size, int maxBytes) {
    return ProblemType.PAYLOAD_TOO_LARGE
        .problem("The request body is " + size + "; the limit is " + maxBytes + " bytes.")
        .with("maxBytes", maxBytes)
        .toException();
  }
}
