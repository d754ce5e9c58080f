package io.tes.dataplane.observe;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tes.dataplane.http.Responses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Liveness ({@code /health/live}: the process serves HTTP) and readiness ({@code /health/ready}:
 * 503 when a check is DOWN; DEGRADED parts are reported but keep the data plane ready, since it
 * still takes events).
 */
public final class HealthService implements HttpService {
  private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();

  public void add(HealthCheck check) {
    checks.add(check);
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/live", this::live).get("/ready", this::ready);
  }

  private void live(ServerRequest req, ServerResponse res) {
    Responses.json(res, 200, Map.of("status", "UP"));
  }

  private void ready(ServerRequest req, ServerResponse res) {
    var results = new LinkedHashMap<String, Object>();
    HealthCheck.Status overall = HealthCheck.Status.UP;
    for (HealthCheck check : checks) {
      HealthCheck.Result result = check.check();
      if (result.status().compareTo(overall) > 0) {
        overall = result.status();
      }
      results.put(check.name(), Map.of("status", result.status(), "detail", result.detail()));
    }
    boolean ready = overall != HealthCheck.Status.DOWN;
    Responses.json(res, ready ? 200 : 503, Map.of("status", overall, "checks", results));
  }
}
