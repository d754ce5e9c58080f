package io.tes.dataplane.observe;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** {@code GET /metrics} in the Prometheus text format. */
public final class MetricsService implements HttpService {
  private final PrometheusRegistry registry;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public MetricsService(PrometheusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/", this::scrape);
  }

  private void scrape(ServerRequest req, ServerResponse res) throws IOException {
    var out = new ByteArrayOutputStream(16 * 1024);
    writer.write(out, registry.scrape(), null);
    res.header(HeaderNames.CONTENT_TYPE, writer.getContentType());
    res.send(out.toByteArray());
  }
}
