package io.tes.bench.dataplane;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few things the benchmark reads from the data plane's Prometheus text: counters, histogram
 * sums and counts, and classic buckets, so a run can compute the server's own view of itself (mean
 * group-commit size, projection lag percentiles) from two scrapes.
 */
public record PrometheusText(Map<String, Double> samples) {
  private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

  public static PrometheusText parse(String text) {
    var samples = new TreeMap<String, Double>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      if (space <= 0) {
        continue;
      }
      try {
        samples.put(line.substring(0, space).trim(), Double.parseDouble(line.substring(space + 1)));
      } catch (NumberFormatException e) {
        // A sample with a timestamp or an odd value: not one the benchmark reads.
      }
    }
    return new PrometheusText(samples);
  }

  public boolean has(String metricPrefix) {
    return samples.keySet().stream().anyMatch(k -> k.startsWith(metricPrefix));
  }

  public double value(String sample) {
    return samples.getOrDefault(sample, 0.0);
  }

  /** The increase of a sample from an earlier scrape to this one. */
  public double delta(PrometheusText before, String sample) {
    return value(sample) - before.value(sample);
  }

  /** One classic bucket: its upper bound and the cumulative count of observations in it. */
  public record Bucket(double upperBound, double cumulative) {}

  /**
   * The buckets of a histogram, as the increase since an earlier scrape, for the series whose
   * labels include {@code label} (e.g. {@code processor="projector"}; empty for any series).
   */
  public List<Bucket> bucketDelta(PrometheusText before, String histogram, String label) {
    var buckets = new ArrayList<Bucket>();
    String prefix = histogram + "_bucket{";
    for (var entry : samples.entrySet()) {
      String key = entry.getKey();
      Matcher le = LE.matcher(key);
      if (!key.startsWith(prefix) || !key.contains(label) || !le.find()) {
        continue;
      }
      double bound =
          le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
      buckets.add(new Bucket(bound, entry.getValue() - before.value(key)));
    }
    buckets.sort((a, b) -> Double.compare(a.upperBound(), b.upperBound()));
    return buckets;
  }

  /**
   * A quantile estimated from classic buckets by linear interpolation inside the bucket, as
   * Prometheus' histogram_quantile does; NaN when nothing was observed.
   */
  public static double quantile(List<Bucket> buckets, double q) {
    if (buckets.isEmpty() || buckets.getLast().cumulative() <= 0) {
      return Double.NaN;
    }
    double rank = q * buckets.getLast().cumulative();
    double lowerBound = 0;
    double lowerCount = 0;
    for (Bucket bucket : buckets) {
      if (bucket.cumulative() >= rank) {
        if (Double.isInfinite(bucket.upperBound())) {
          return lowerBound;
        }
        double inBucket = bucket.cumulative() - lowerCount;
        double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
        return lowerBound + (bucket.upperBound() - lowerBound) * fraction;
      }
      lowerBound = bucket.upperBound();
      lowerCount = bucket.cumulative();
    }
    return lowerBound;
  }
}
