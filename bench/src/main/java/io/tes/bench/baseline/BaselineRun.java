package io.tes.bench.baseline;

import io.tes.bench.load.Client;
import io.tes.bench.load.LoadGenerator;
import io.tes.bench.load.LoadResult;
import io.tes.bench.load.LoadSpec;
import io.tes.bench.report.Row;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One baseline measurement, ready to run: the row it fills, how to measure it, and where the peer's
 * CPU time can be read (null when the peer runs inside this process).
 */
public record BaselineRun(Row.Key key, Measurement measurement, Supplier<Duration> serverCpu) {

  /** Runs the load, telling the observer when the measured phase starts and ends. */
  @FunctionalInterface
  public interface Measurement {
    LoadResult run(LoadGenerator.Observer observer) throws Exception;
  }

  /** The common case: the shared load generator with clients from a factory. */
  public static BaselineRun of(
      Row.Key key, LoadSpec spec, Client.Factory clients, Supplier<Duration> serverCpu) {
    return new BaselineRun(
        key, observer -> new LoadGenerator().run(spec, clients, observer), serverCpu);
  }
}
