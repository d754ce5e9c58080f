package io.tes.dataplane.graphql.feed;

import io.tes.dataplane.log.StoredEvent;
import io.tes.dataplane.projection.Thing;

/**
 * A thing right after one event of its subject.
 *
 * @param thing the thing after the event
 * @param event the event
 */
public record ThingChange(Thing thing, StoredEvent event) {}
