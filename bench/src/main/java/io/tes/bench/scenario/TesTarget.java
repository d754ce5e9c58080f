package io.tes.bench.scenario;

import io.tes.bench.dataplane.DataPlaneProcess;
import io.tes.bench.dataplane.PrometheusText;
import io.tes.bench.env.ProcessStats;
import io.tes.bench.http.HttpConnection;
import io.tes.bench.http.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A running data plane as the scenarios see it: connections, metrics, and readings. */
final class TesTarget {
  private final DataPlaneProcess process;

  TesTarget(DataPlaneProcess process) {
    this.process = process;
  }

  DataPlaneProcess process() {
    return process;
  }

  String durability() {
    return process.tenant().durability();
  }

  HttpConnection connect(Transport transport) throws IOException {
    return transport.open("127.0.0.1", process.port(), process.tenant().apiKey());
  }

  PrometheusText scrape() {
    try (HttpConnection c = connect(Transport.RAW)) {
      return PrometheusText.parse(c.get("/metrics").text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** CPU of the data plane and what its log says about the phase: commit groups and times. */
  Watch ingestWatch() {
    return new Watch(
        () -> ProcessStats.cpuTime(process.pid()), this::scrape, TesTarget::commitStats);
  }

  private static Map<String, Object> commitStats(Watch.Delta d) {
    var stats = new LinkedHashMap<String, Object>();
    double groups = d.after().delta(d.before(), "tes_log_commit_group_requests_count");
    if (groups > 0) {
      double requests = d.after().delta(d.before(), "tes_log_commit_group_requests_sum");
      double seconds = d.after().delta(d.before(), "tes_log_commit_duration_seconds_sum");
      stats.put("commits", (long) groups);
      stats.put("meanRequestsPerCommit", Math.round(requests / groups * 10) / 10.0);
      stats.put("meanCommitMillis", Math.round(seconds / groups * 1e6) / 1e3);
    }
    return stats;
  }
}
