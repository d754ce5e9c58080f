package io.tes.dataplane.ingest;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tes.dataplane.auth.Authenticator;
import io.tes.dataplane.auth.RateLimiter;
import io.tes.dataplane.auth.Scope;
import io.tes.dataplane.cloudevents.CloudEvent;
import io.tes.dataplane.cloudevents.HttpBinding;
import io.tes.dataplane.config.Limits;
import io.tes.dataplane.http.ProblemException;
import io.tes.dataplane.http.RequestBodies;
import io.tes.dataplane.http.Responses;
import io.tes.dataplane.log.Receipt;
import io.tes.dataplane.observe.Metrics;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /v1/events}: the synchronous phase. Authenticate, rate-limit, decode the CloudEvents
 * HTTP binding, validate against the schema registry, append durably, answer with receipts.
 */
public final class IngestService implements HttpService {
  private final Authenticator authenticator;
  private final RateLimiter rateLimiter;
  private final Ingestion ingestion;
  private final Limits limits;
  private final Metrics metrics;

  public IngestService(
      Authenticator authenticator,
      RateLimiter rateLimiter,
      Ingestion ingestion,
      Limits limits,
      Metrics metrics) {
    this.authenticator = authenticator;
    this.rateLimiter = rateLimiter;
    this.ingestion = ingestion;
    this.limits = limits;
    this.metrics = metrics;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/events", this::append);
  }

  private void append(ServerRequest req, ServerResponse res) {
    long started = System.nanoTime();
    String mode = "unknown";
    String outcome = "error";
    try {
      var principal = authenticator.require(req, Scope.INGEST);
      rateLimiter.acquire(principal);
      HttpBinding.Mode contentMode = mode(req);
      mode = contentMode.name().toLowerCase(Locale.ROOT);
      byte[] body = RequestBodies.read(req, limits.maxBatchBytes());
      List<Receipt> receipts = ingestion.append(decode(contentMode, req, body));
      // 201 when anything new was stored; a pure retry (or an empty batch) creates nothing.
      outcome = Ingestion.outcome(receipts);
      Responses.jsonBytes(
          res, outcome.equals("created") ? 201 : 200, ReceiptsJson.toBytes(receipts));
    } catch (ProblemException e) {
      outcome = e.problem().type().substring(e.problem().type().lastIndexOf('/') + 1);
      throw e;
    } finally {
      metrics.ingested(mode, outcome, System.nanoTime() - started);
    }
  }

  private static HttpBinding.Mode mode(ServerRequest req) {
    var contentType = req.headers().contentType().map(HttpMediaType::mediaType);
    String essence = contentType.map(type -> type.text().toLowerCase(Locale.ROOT)).orElse("");
    if (essence.equals(HttpBinding.STRUCTURED)) {
      return HttpBinding.Mode.STRUCTURED;
    }
    if (essence.equals(HttpBinding.BATCH)) {
      return HttpBinding.Mode.BATCH;
    }
    if (essence.startsWith("application/cloudevents")) {
      throw Decoding.unsupportedMediaType(
          "Only the JSON event format is supported, not '" + essence + "'.");
    }
    if (Decoding.hasCloudEventHeaders(req)) {
      return HttpBinding.Mode.BINARY;
    }
    throw Decoding.unsupportedMediaType(
        contentType.isEmpty()
            ? "The request has no Content-Type and no ce-* headers."
            : "Content type '" + essence + "' carries no CloudEvent without ce-* headers.");
  }

  private List<CloudEvent> decode(HttpBinding.Mode mode, ServerRequest req, byte[] body) {
    var parseLimits = new HttpBinding.Limits(limits.maxEventBytes(), limits.maxBatchEvents());
    return Decoding.translate(
        () ->
            switch (mode) {
              case STRUCTURED -> HttpBinding.structured(body, parseLimits);
              case BATCH -> HttpBinding.batch(body, parseLimits);
              case BINARY ->
                  HttpBinding.binary(
                      Decoding.headers(req),
                      req.headers().value(HeaderNames.CONTENT_TYPE).orElse(null),
                      body,
                      parseLimits);
            });
  }
}
