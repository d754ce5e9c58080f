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
 * every registered check passes, else 503 with the failing check named).
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
    boolean up = true;
    for (HealthCheck check : checks) {
      HealthCheck.Result result = check.check();
      up &= result.up();
      results.put(
          check.name(), Map.of("status", result.up() ? "UP" : "DOWN", "detail", result.detail()));
    }
    Responses.json(res, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN", "checks", results));
  }
}
