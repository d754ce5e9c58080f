package io.tes.dataplane.log;

import io.tes.dataplane.cloudevents.CloudEvent;
import java.time.Instant;

/**
 * An event as the log holds it.
 *
 * @param position global, gap-free position in the tenant's log (from 1)
 * @param streamVersion version of the subject's stream after this event, or null without subject
 * @param recordedAt when the log committed it
 * @param event the event
 */
public record StoredEvent(
    long position, Long streamVersion, Instant recordedAt, CloudEvent event) {}
