package io.tes.bench.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  private static final String BEFORE =
      """
      # TYPE tes_projection_lag_seconds histogram
      tes_projection_lag_seconds_bucket{processor="projector",le="0.01"} 0
      tes_projection_lag_seconds_bucket{processor="projector",le="0.1"} 0
      tes_projection_lag_seconds_bucket{processor="projector",le="+Inf"} 0
      tes_projection_lag_seconds_bucket{processor="other",le="0.01"} 5
      tes_log_commit_group_requests_sum 10.0
      tes_log_commit_group_requests_count 5
      """;
  private static final String AFTER =
      """
      tes_projection_lag_seconds_bucket{processor="projector",le="0.01"} 50
      tes_projection_lag_seconds_bucket{processor="projector",le="0.1"} 100
      tes_projection_lag_seconds_bucket{processor="projector",le="+Inf"} 100
      tes_projection_lag_seconds_bucket{processor="other",le="0.01"} 500
      tes_log_commit_group_requests_sum 110.0
      tes_log_commit_group_requests_count 15
      """;

  @Test
  void quantilesComeFromTheIncreaseOfOneSeries() {
    var before = PrometheusText.parse(BEFORE);
    var after = PrometheusText.parse(AFTER);
    var buckets =
        after.bucketDelta(before, "tes_projection_lag_seconds", "processor=\"projector\"");

    assertThat(buckets).hasSize(3);
    assertThat(PrometheusText.quantile(buckets, 0.5)).isCloseTo(0.01, within(1e-9));
    // Rank 99 of 100 lies 49/50 into the (0.01, 0.1] bucket.
    assertThat(PrometheusText.quantile(buckets, 0.99)).isCloseTo(0.0982, within(1e-9));
    assertThat(after.delta(before, "tes_log_commit_group_requests_sum")).isEqualTo(100.0);
  }

  @Test
  void noObservationsGiveNaN() {
    var text = PrometheusText.parse(BEFORE);
    var buckets = text.bucketDelta(text, "tes_projection_lag_seconds", "");
    assertThat(PrometheusText.quantile(buckets, 0.99)).isNaN();
  }

  @Test
  void lastPositionIsReadFromTheReceipts() {
    String receipts =
        "{\"events\":[{\"id\":\"a\",\"position\":17},{\"id\":\"b\",\"position\": 18}]}";
    assertThat(IngestClient.lastPosition(receipts)).isEqualTo(18);
    assertThat(IngestClient.lastPosition("{}")).isEqualTo(-1);
  }
}
