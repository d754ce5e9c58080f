package io.tes.bench.load;

import org.HdrHistogram.Histogram;

/** Percentiles of one measured phase, in microseconds, as every report prints them. */
public record LatencySummary(
    long count, double p50, double p90, double p99, double p999, double max, double mean) {

  static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);

  /** Summarizes a histogram whose values are nanoseconds. */
  public static LatencySummary ofNanos(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return EMPTY;
    }
    return new LatencySummary(
        histogram.getTotalCount(),
        micros(histogram.getValueAtPercentile(50)),
        micros(histogram.getValueAtPercentile(90)),
        micros(histogram.getValueAtPercentile(99)),
        micros(histogram.getValueAtPercentile(99.9)),
        micros(histogram.getMaxValue()),
        Math.round(histogram.getMean() / 100.0) / 10.0);
  }

  private static double micros(long nanos) {
    // One decimal of a microsecond is below the histogram's own precision; more is noise.
    return Math.round(nanos / 100.0) / 10.0;
  }
}
