package io.tes.bench.report;

import io.tes.bench.env.LoadAverage;
import io.tes.bench.load.LoadResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the results: a system under one load. {@code status} is {@code ok}, {@code
 * unavailable} (the feature or the peer is not there: a fact, not a failure), {@code skipped} or
 * {@code failed}; {@code load} is null unless the run happened. {@code extra} holds what only some
 * rows have (server CPU, mean group-commit size, server-side percentiles).
 */
public record Row(
    String id,
    String scenario,
    String system,
    String variant,
    String durability,
    String unit,
    String status,
    LoadResult load,
    Map<String, Object> extra,
    LoadAverage loadAtStart,
    String note) {

  public static final String OK = "ok";
  public static final String UNAVAILABLE = "unavailable";
  public static final String SKIPPED = "skipped";
  public static final String FAILED = "failed";

  public boolean isOk() {
    return OK.equals(status) && load != null;
  }

  /** Identifies a row before it is measured; the measurement fills in the rest. */
  public record Key(
      String id, String scenario, String system, String variant, String durability, String unit) {

    public Row measured(LoadResult load, Map<String, Object> extra, LoadAverage at) {
      var withCost = new LinkedHashMap<>(extra);
      // CPU per item is the figure that survives a busy machine better than throughput does.
      if (extra.get("serverCpuPercent") instanceof Double cpu && load.throughput() > 0) {
        withCost.put(
            "serverCpuMicrosPerItem", Math.round(cpu / 100 * 1e6 / load.throughput() * 10) / 10.0);
      }
      String note =
          load.errors() > 0 || load.dropped() > 0
              ? load.errors() + " errors, " + load.dropped() + " dropped"
              : null;
      return new Row(id, scenario, system, variant, durability, unit, OK, load, withCost, at, note);
    }

    public Row notMeasured(String status, String why) {
      return new Row(
          id,
          scenario,
          system,
          variant,
          durability,
          unit,
          status,
          null,
          Map.of(),
          LoadAverage.now(),
          why);
    }
  }
}
