package io.tes.operator.status;

/**
 * Something that keeps the operator from doing what the spec asks. The reason is a stable word (a
 * condition reason and an Event reason); the message tells a person what to do.
 */
public record Problem(String reason, String message) {}
