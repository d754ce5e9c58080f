package io.tes.dataplane.graphql.schema;

import io.tes.dataplane.auth.Principal;
import io.tes.dataplane.auth.RateLimiter;
import io.tes.dataplane.cloudevents.CloudEvent;
import io.tes.dataplane.cloudevents.HttpBinding;
import io.tes.dataplane.cloudevents.InvalidEventException;
import io.tes.dataplane.cloudevents.SizeLimitException;
import io.tes.dataplane.config.Limits;
import io.tes.dataplane.http.Json;
import io.tes.dataplane.http.ProblemException;
import io.tes.dataplane.http.Sentence;
import io.tes.dataplane.ingest.Ingestion;
import io.tes.dataplane.log.Receipt;
import io.tes.dataplane.observe.Metrics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mutations' path into the log, step for step the one of POST /v1/events: rate limit, the
 * CloudEvents JSON format with the tenant's size limits (the input is turned into a structured
 * event or a batch and read by the same parser), server-assigned ids, the schema registry, and the
 * log's dedupe and concurrency checks. What refuses an event is a {@link Rejection}, never an
 * exception, so it becomes a typed result.
 */
final class Emitter {
  /** Context attributes an input carries as fields, so extensions must not name them. */
  private static final Set<String> RESERVED =
      Set.of(
          "specversion",
          "id",
          "source",
          "type",
          "subject",
          "time",
          "datacontenttype",
          "dataschema",
          "data",
          "data_base64");

  /** An emit that stored nothing, with the problem the REST API would have answered. */
  record Rejection(EmitErrors.Kind kind, String message, Map<String, Object> details) {}

  private final RateLimiter rateLimiter;
  private final Ingestion ingestion;
  private final Limits limits;
  private final Metrics metrics;

  Emitter(RateLimiter rateLimiter, Ingestion ingestion, Limits limits, Metrics metrics) {
    this.rateLimiter = rateLimiter;
    this.ingestion = ingestion;
    this.limits = limits;
    this.metrics = metrics;
  }

  /**
   * Emits one event or an atomic batch.
   *
   * @return the receipts, or a {@link Rejection}
   */
  Object emit(Principal principal, List<Map<String, Object>> inputs, boolean batch) {
    long started = System.nanoTime();
    String outcome = "error";
    try {
      rateLimiter.acquire(principal);
      var parseLimits = new HttpBinding.Limits(limits.maxEventBytes(), limits.maxBatchEvents());
      List<CloudEvent> events;
      if (batch) {
        ArrayNode array = Json.mapper().createArrayNode();
        inputs.forEach(input -> array.add(structured(input)));
        events = HttpBinding.batch(Json.mapper().writeValueAsBytes(array), parseLimits);
      } else {
        byte[] event = Json.mapper().writeValueAsBytes(structured(inputs.getFirst()));
        events = HttpBinding.structured(event, parseLimits);
      }
      List<Receipt> receipts = ingestion.append(events);
      outcome = Ingestion.outcome(receipts);
      return receipts;
    } catch (InvalidEventException e) {
      outcome = "invalid-event";
      var details = new java.util.HashMap<String, Object>();
      details.put("attribute", e.attribute());
      return new Rejection(EmitErrors.Kind.INVALID_EVENT, Sentence.of(e.getMessage()), details);
    } catch (SizeLimitException e) {
      outcome = "payload-too-large";
      return new Rejection(
          EmitErrors.Kind.PAYLOAD_TOO_LARGE, Sentence.of(e.getMessage()), Map.of());
    } catch (ProblemException e) {
      EmitErrors.Kind kind = EmitErrors.Kind.of(e.problem()).orElseThrow(() -> e);
      outcome = kind.slug();
      return new Rejection(kind, e.problem().detail(), e.problem().extensions());
    } finally {
      metrics.ingested("graphql", outcome, System.nanoTime() - started);
    }
  }

  /** The input as a structured CloudEvent, for the CloudEvents parser to judge. */
  private static ObjectNode structured(Map<String, Object> input) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("specversion", CloudEvent.SPEC_VERSION);
    if (input.get("extensions") instanceof JsonNode extensions) {
      if (!extensions.isObject()) {
        throw new InvalidEventException(
            null, "'extensions' must be a JSON object of extension attributes");
      }
      for (var member : extensions.properties()) {
        if (RESERVED.contains(member.getKey())) {
          throw new InvalidEventException(
              member.getKey(),
              "'"
                  + member.getKey()
                  + "' is a CloudEvents attribute, not an extension; use the field of that name");
        }
        node.set(member.getKey(), member.getValue());
      }
    }
    for (String attribute :
        List.of("id", "source", "type", "subject", "time", "datacontenttype", "dataschema")) {
      if (input.get(attribute) instanceof String value) {
        node.put(attribute, value);
      }
    }
    if (input.get("data") instanceof JsonNode data && !data.isNull()) {
      node.set("data", data);
    }
    if (input.get("dataBase64") instanceof String base64) {
      node.put("data_base64", base64);
    }
    if (input.get("expectedVersion") instanceof Long expected) {
      node.put(CloudEvent.EXPECTED_VERSION, expected);
    }
    return node;
  }
}
