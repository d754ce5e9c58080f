package io.tes.dataplane.projection;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The current state of one thing, folded from the events of its subject.
 *
 * @param id the subject
 * @param version the last applied stream version
 * @param state the folded state (null for a deleted thing)
 * @param deleted whether the last event was a delete (a tombstone keeps the version)
 * @param createdAt when its first event (since any delete) was recorded
 * @param updatedAt when its last event was recorded
 * @param lastEventType type of the last applied event
 * @param lastPosition log position of the last applied event
 */
public record Thing(
    String id,
    long version,
    JsonNode state,
    boolean deleted,
    Instant createdAt,
    Instant updatedAt,
    String lastEventType,
    long lastPosition) {}
