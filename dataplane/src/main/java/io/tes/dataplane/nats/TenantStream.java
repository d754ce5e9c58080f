package io.tes.dataplane.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.tes.dataplane.config.Durations;
import io.tes.dataplane.config.StreamSettings;
import java.io.IOException;
import java.util.Locale;

/**
 * The tenant's JetStream stream: {@code TES_<TENANT>} over subjects {@code tes.<tenant>.events.>}.
 * {@link #ensure} creates it, or updates it when the config changed, and is safe to call on every
 * start and reconnect.
 */
public final class TenantStream {
  private static final int STREAM_NOT_FOUND = 10059;

  private final String tenant;
  private final StreamSettings settings;
  private final String prefix;

  public TenantStream(String tenant, StreamSettings settings) {
    this.tenant = tenant;
    this.settings = settings;
    this.prefix = "tes." + tenant + ".events.";
  }

  public String name() {
    return "TES_" + tenant.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The subjects of all the tenant's events. */
  public String subjects() {
    return "tes." + tenant + ".events.>";
  }

  /**
   * The subject of one event: its type becomes the last tokens, so consumers can filter by type.
   * Characters NATS reserves are replaced, and empty tokens avoided.
   */
  public String subjectFor(String eventType) {
    var subject = new StringBuilder(prefix.length() + eventType.length()).append(prefix);
    int start = subject.length();
    for (int i = 0; i < eventType.length(); i++) {
      char c = eventType.charAt(i);
      if (c == '.') {
        // No empty tokens: a leading, trailing or doubled dot is dropped.
        if (subject.length() > start && subject.charAt(subject.length() - 1) != '.') {
          subject.append('.');
        }
      } else if (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
        subject.append(c);
      } else {
        subject.append('_');
      }
    }
    if (subject.length() > start && subject.charAt(subject.length() - 1) == '.') {
      subject.setLength(subject.length() - 1);
    }
    if (subject.length() == start) {
      subject.append('_');
    }
    return subject.toString();
  }

  StreamConfiguration configuration() {
    return StreamConfiguration.builder()
        .name(name())
        .subjects(subjects())
        .storageType(StorageType.File)
        .retentionPolicy(RetentionPolicy.Limits)
        .maxAge(Durations.parse(settings.maxAge()))
        .maxBytes(settings.maxBytes())
        .duplicateWindow(Durations.parse(settings.duplicateWindow()))
        .replicas(settings.replicas())
        .build();
  }

  /** Creates or updates the stream so it matches the tenant config. */
  public StreamInfo ensure(JetStreamManagement jsm) throws IOException, JetStreamApiException {
    StreamConfiguration wanted = configuration();
    try {
      StreamInfo info = jsm.getStreamInfo(name());
      StreamConfiguration have = info.getConfiguration();
      boolean same =
          have.getSubjects().equals(wanted.getSubjects())
              && have.getMaxAge().equals(wanted.getMaxAge())
              && have.getMaxBytes() == wanted.getMaxBytes()
              && have.getDuplicateWindow().equals(wanted.getDuplicateWindow())
              && have.getReplicas() == wanted.getReplicas();
      return same ? info : jsm.updateStream(wanted);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
        throw e;
      }
      return jsm.addStream(wanted);
    }
  }
}
