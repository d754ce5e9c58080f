package io.tes.dataplane.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.tes.dataplane.http.Json;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JsonFormatTest {
  private static CloudEvent event(EventData data, String contentType) {
    var extensions = new TreeMap<String, Object>();
    extensions.put("priority", 3L);
    extensions.put("urgent", true);
    extensions.put("region", "eu \"west\"");
    return new CloudEvent(
        "id-1",
        "/src",
        "t",
        "s/1",
        "2026-11-27T10:00:00Z",
        contentType,
        "https://example.com/schema",
        extensions,
        data);
  }

  @Test
  void theStreamingAndTheTreeWriterAgreeAndReadBack() {
    var json = Json.mapper().readTree("{\"a\":[1,{\"b\":null}],\"c\":\"ü\"}");
    List<CloudEvent> events =
        List.of(
            event(EventData.json(json, Json.mapper().writeValueAsBytes(json)), null),
            event(EventData.text("plain ünïcode"), "text/plain"),
            event(EventData.binary(new byte[] {0, (byte) 0xFF, 42}), "application/octet-stream"),
            event(null, null));
    for (CloudEvent event : events) {
      var streamed = Json.mapper().readTree(JsonFormat.toBytes(event));
      assertThat(streamed)
          .isEqualTo(
              Json.mapper().readTree(Json.mapper().writeValueAsBytes(JsonFormat.write(event))));
      CloudEvent back = JsonFormat.read(streamed);
      assertThat(back.extensions()).isEqualTo(event.extensions());
      assertThat(back.subject()).isEqualTo(event.subject());
      if (event.data() != null) {
        assertThat(back.data().encoding()).isEqualTo(event.data().encoding());
        assertThat(back.data().bytes()).isEqualTo(event.data().bytes());
      }
    }
  }
}
