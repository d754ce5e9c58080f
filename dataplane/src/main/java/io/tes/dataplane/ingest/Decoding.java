package io.tes.dataplane.ingest;

import io.helidon.http.Header;
import io.helidon.webserver.http.ServerRequest;
import io.tes.dataplane.cloudevents.CloudEvent;
import io.tes.dataplane.cloudevents.InvalidEventException;
import io.tes.dataplane.cloudevents.SizeLimitException;
import io.tes.dataplane.http.ProblemException;
import io.tes.dataplane.http.ProblemType;
import io.tes.dataplane.http.Sentence;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Turns the CloudEvents binding's failures into problem documents. */
final class Decoding {
  private Decoding() {}

  static List<CloudEvent> translate(Supplier<List<CloudEvent>> decode) {
    try {
      return decode.get();
    } catch (InvalidEventException e) {
      var problem = ProblemType.INVALID_EVENT.problem(Sentence.of(e.getMessage()));
      throw (e.attribute() == null ? problem : problem.with("attribute", e.attribute()))
          .toException();
    } catch (SizeLimitException e) {
      throw ProblemType.PAYLOAD_TOO_LARGE.exception(Sentence.of(e.getMessage()));
    }
  }

  static ProblemException unsupportedMediaType(String detail) {
    return ProblemType.UNSUPPORTED_MEDIA_TYPE
        .problem(
            detail
                + " Send application/cloudevents+json (one event), "
                + "application/cloudevents-batch+json (a batch), or a binary-mode event with "
                + "ce-specversion, ce-id, ce-source and ce-type headers.")
        .with(
            "accepted",
            List.of("application/cloudevents+json", "application/cloudevents-batch+json"))
        .toException();
  }

  static boolean hasCloudEventHeaders(ServerRequest req) {
    for (Header header : req.headers()) {
      if (header.name().regionMatches(true, 0, "ce-", 0, 3)) {
        return true;
      }
    }
    return false;
  }

  /** The ce-* headers; a repeated one is refused, since an attribute has one value. */
  static Map<String, String> headers(ServerRequest req) {
    var result = new TreeMap<String, String>();
    for (Header header : req.headers()) {
      String name = header.name().toLowerCase(Locale.ROOT);
      if (!name.startsWith("ce-")) {
        continue;
      }
      if (header.allValues().size() > 1 || result.containsKey(name)) {
        throw ProblemType.INVALID_EVENT
            .problem("Header '" + name + "' appears more than once.")
            .with("attribute", name.substring(3))
            .toException();
      }
      result.put(name, header.get());
    }
    return result;
  }
}
