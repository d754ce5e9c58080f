package io.tes.dataplane.testing;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import java.util.HashMap;
import java.util.Map;

/** Everything in a JetStream stream, read message by message, to check what the relay sent. */
public record StreamContents(
    Map<String, Integer> countByMessageId, Map<Long, Integer> countByPosition) {

  public static StreamContents read(String url, String stream) throws Exception {
    try (Connection nc = Nats.connect(url)) {
      JetStreamManagement jsm = nc.jetStreamManagement();
      long last = jsm.getStreamInfo(stream).getStreamState().getLastSequence();
      var byId = new HashMap<String, Integer>();
      var byPosition = new HashMap<Long, Integer>();
      for (long seq = 1; seq <= last; seq++) {
        MessageInfo message = jsm.getMessage(stream, seq);
        byId.merge(message.getHeaders().getFirst("Nats-Msg-Id"), 1, Integer::sum);
        byPosition.merge(
            Long.parseLong(message.getHeaders().getFirst("Tes-Position")), 1, Integer::sum);
      }
      return new StreamContents(byId, byPosition);
    }
  }
}
