package io.tes.bench.scenario;

import io.tes.bench.baseline.BaselineRun;
import io.tes.bench.env.LoadAverage;
import io.tes.bench.load.Client;
import io.tes.bench.load.LoadGenerator;
import io.tes.bench.load.LoadSpec;
import io.tes.bench.report.Row;

/** Runs one load and turns it into a row; a failure becomes a failed row, not a failed run. */
final class Measure {
  private Measure() {}

  static Row run(Row.Key key, LoadSpec spec, Client.Factory clients, Watch watch) {
    return run(key, observer -> new LoadGenerator().run(spec, clients, observer), watch);
  }

  static Row run(Row.Key key, BaselineRun.Measurement measurement, Watch watch) {
    var at = LoadAverage.now();
    try {
      var result = measurement.run(watch);
      return key.measured(result, watch.extra(), at);
    } catch (Exception e) {
      return key.notMeasured(Row.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
