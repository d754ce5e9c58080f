package io.tes.dataplane.config;

import java.util.List;

/**
 * A webhook endpoint declared in the tenant config.
 *
 * @param name unique name
 * @param url where deliveries go
 * @param eventTypes types (or patterns) delivered; empty means all
 * @param secretFile file holding the signing secret(s)
 */
public record WebhookSettings(String name, String url, List<String> eventTypes, String secretFile) {
  public WebhookSettings {
    eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
  }
}
