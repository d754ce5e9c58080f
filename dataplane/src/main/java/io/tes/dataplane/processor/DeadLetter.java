package io.tes.dataplane.processor;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An event a processor gave up on, kept with why, so an operator can see and retry it.
 *
 * @param id row id, used to retry it
 * @param processor the processor that failed
 * @param position the event's position in the log
 * @param event the event as read back by {@code GET /v1/events}
 * @param error the last error message
 * @param attempts how many times it was tried
 * @param firstFailedAt when it first failed
 * @param lastFailedAt when it last failed
 * @param resolvedAt when a retry succeeded, or null while open
 */
public record DeadLetter(
    long id,
    String processor,
    long position,
    JsonNode event,
    String error,
    int attempts,
    Instant firstFailedAt,
    Instant lastFailedAt,
    Instant resolvedAt) {}
