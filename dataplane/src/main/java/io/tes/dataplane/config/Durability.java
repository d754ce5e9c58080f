package io.tes.dataplane.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When an acknowledged event is safe: on disk (fsync) or in the OS page cache (os). */
public enum Durability {
  /** synchronous=FULL: every commit is fsynced before the client hears back. */
  @JsonProperty("fsync")
  FSYNC,
  /** synchronous=NORMAL: survives a process crash, not a power loss. */
  @JsonProperty("os")
  OS
}
