package io.tes.dataplane.log;

import java.time.Instant;

/**
 * What the log answers for one appended event.
 *
 * @param id the event id (server-assigned when the producer sent none)
 * @param source the event source
 * @param subject the subject, or null
 * @param position its global position
 * @param streamVersion its version in the subject's stream, or null
 * @param recordedAt when it was committed (for a duplicate: when the original was)
 * @param duplicate true when the same event was already stored and nothing new was written
 */
public record Receipt(
    String id,
    String source,
    String subject,
    long position,
    Long streamVersion,
    Instant recordedAt,
    boolean duplicate) {}
