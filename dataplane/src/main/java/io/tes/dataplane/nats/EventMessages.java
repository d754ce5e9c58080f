package io.tes.dataplane.nats;

import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.tes.dataplane.cloudevents.CloudEvent;
import io.tes.dataplane.cloudevents.JsonFormat;
import io.tes.dataplane.http.Json;
import io.tes.dataplane.log.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/**
 * Events on the wire of JetStream: the CloudEvents NATS binding in structured mode (the body is the
 * JSON event), plus the log's facts in headers. {@code Nats-Msg-Id} is derived from the event's
 * unique key (source and id), so JetStream drops a second publish of the same event.
 */
public final class EventMessages {
  public static final String POSITION = "Tes-Position";
  public static final String STREAM_VERSION = "Tes-Stream-Version";
  public static final String RECORDED_AT = "Tes-Recorded-At";
  private static final String MSG_ID = "Nats-Msg-Id";

  private EventMessages() {}

  public static Message toMessage(TenantStream stream, StoredEvent stored) {
    var headers = new Headers();
    headers.put(MSG_ID, messageId(stored.event()));
    headers.put("Content-Type", "application/cloudevents+json");
    headers.put(POSITION, Long.toString(stored.position()));
    if (stored.streamVersion() != null) {
      headers.put(STREAM_VERSION, Long.toString(stored.streamVersion()));
    }
    headers.put(RECORDED_AT, stored.recordedAt().toString());
    return NatsMessage.builder()
        .subject(stream.subjectFor(stored.event().type()))
        .headers(headers)
        .data(JsonFormat.toBytes(stored.event()))
        .build();
  }

  /** Reads back what {@link #toMessage} wrote. */
  public static StoredEvent fromMessage(Message message) {
    Headers headers = message.getHeaders();
    if (headers == null || headers.getFirst(POSITION) == null) {
      throw new IllegalArgumentException("not a TES event message: no " + POSITION + " header");
    }
    String version = headers.getFirst(STREAM_VERSION);
    CloudEvent event = JsonFormat.read(Json.mapper().readTree(message.getData()));
    return new StoredEvent(
        Long.parseLong(headers.getFirst(POSITION)),
        version == null ? null : Long.parseLong(version),
        Instant.parse(headers.getFirst(RECORDED_AT)),
        event);
  }

  /** The position of a message without parsing its body. */
  public static long position(Message message) {
    return Long.parseLong(message.getHeaders().getFirst(POSITION));
  }

  public static String messageId(CloudEvent event) {
    try {
      var sha = MessageDigest.getInstance("SHA-256");
      sha.update(event.source().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(event.id().getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
