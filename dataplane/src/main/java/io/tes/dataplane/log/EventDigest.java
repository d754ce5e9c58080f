package io.tes.dataplane.log;

import io.tes.dataplane.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A SHA-256 over everything the producer said about an event, so a retried event can be told from a
 * different event that reuses a source and id. Fields are length-prefixed, so no two different
 * events share an input.
 */
final class EventDigest {
  private EventDigest() {}

  static byte[] of(CloudEvent event) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    field(sha, event.id());
    field(sha, event.source());
    field(sha, event.type());
    field(sha, event.subject());
    field(sha, event.time());
    field(sha, event.datacontenttype());
    field(sha, event.dataschema());
    field(sha, Integer.toString(event.extensions().size()));
    event
        .extensions()
        .forEach(
            (name, value) -> {
              field(sha, name);
              field(sha, value.getClass().getSimpleName() + ":" + value);
            });
    if (event.data() == null) {
      sha.update((byte) 0);
    } else {
      sha.update((byte) (1 + event.data().encoding().ordinal()));
      bytes(sha, event.data().bytes());
    }
    return sha.digest();
  }

  private static void field(MessageDigest sha, String value) {
    if (value == null) {
      sha.update((byte) 0);
      return;
    }
    sha.update((byte) 1);
    bytes(sha, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void bytes(MessageDigest sha, byte[] value) {
    int n = value.length;
    sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    sha.update(value);
  }
}
