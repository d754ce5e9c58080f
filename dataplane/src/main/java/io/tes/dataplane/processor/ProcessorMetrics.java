package io.tes.dataplane.processor;

import io.tes.dataplane.log.StoredEvent;

/** What processor runners report. */
public interface ProcessorMetrics {
  /** Events a processor applied (dead letters not included). */
  void applied(String processor, int events);

  /** One event applied: its commit-to-applied lag is observed. */
  void lag(String processor, StoredEvent event, long appliedAtMicros);

  void deadLettered(String processor);

  ProcessorMetrics NONE =
      new ProcessorMetrics() {
        @Override
        public void applied(String processor, int events) {}

        @Override
        public void lag(String processor, StoredEvent event, long appliedAtMicros) {}

        @Override
        public void deadLettered(String processor) {}
      };
}
