package io.tes.dataplane.ingest;

import io.tes.dataplane.http.Json;
import io.tes.dataplane.log.Receipt;
import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * The answer body of {@code POST /v1/events}: {@code {"events": [receipt, ...]}}, written straight
 * to bytes, since every ingest request pays for it.
 */
final class ReceiptsJson {
  private ReceiptsJson() {}

  static byte[] toBytes(List<Receipt> receipts) {
    var out = new ByteArrayOutputStream(64 + 192 * receipts.size());
    try (JsonGenerator gen = Json.mapper().createGenerator(out)) {
      gen.writeStartObject();
      gen.writeArrayPropertyStart("events");
      for (Receipt receipt : receipts) {
        gen.writeStartObject();
        gen.writeStringProperty("id", receipt.id());
        gen.writeStringProperty("source", receipt.source());
        if (receipt.subject() != null) {
          gen.writeStringProperty("subject", receipt.subject());
        }
        gen.writeNumberProperty("position", receipt.position());
        if (receipt.streamVersion() != null) {
          gen.writeNumberProperty("streamVersion", receipt.streamVersion());
        }
        gen.writeStringProperty("recordedTime", receipt.recordedAt().toString());
        gen.writeBooleanProperty("duplicate", receipt.duplicate());
        gen.writeEndObject();
      }
      gen.writeEndArray();
      gen.writeEndObject();
    }
    return out.toByteArray();
  }
}
