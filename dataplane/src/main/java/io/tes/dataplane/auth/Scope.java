package io.tes.dataplane.auth;

import java.util.Locale;

/** What an API key may do. */
public enum Scope {
  /** Emit events. */
  INGEST,
  /** Read events, things and metrics about them. */
  READ,
  /** Operate the tenant: dead letters, rebuilds, webhooks. */
  ADMIN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Scope fromWire(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
