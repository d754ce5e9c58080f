package io.tes.dataplane.schema;

/**
 * One way an event's data breaks its schema.
 *
 * @param index position of the event in its request (0 for a single event)
 * @param location JSON Pointer into the data
 * @param message what is wrong there
 */
public record Violation(int index, String location, String message) {}
