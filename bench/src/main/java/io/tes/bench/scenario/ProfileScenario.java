package io.tes.bench.scenario;

import io.tes.bench.dataplane.BenchEvents;
import io.tes.bench.dataplane.BenchTenant;
import io.tes.bench.dataplane.DataPlaneProcess;
import io.tes.bench.dataplane.IngestClient;
import io.tes.bench.http.Transport;
import io.tes.bench.load.LoadGenerator;
import io.tes.bench.load.LoadSpec;
import io.tes.bench.load.Pacing;
import io.tes.bench.profile.JfrSummary;
import io.tes.bench.profile.ProfileSummary;
import io.tes.bench.report.Row;
import io.tes.bench.report.RowLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * The hot path at saturation: a separate data plane (fsync) recorded by JFR with its 'profile'
 * settings while the saturation load runs; only the measured window is summarized. Its own row
 * shows what the recording costs next to the unrecorded saturation row.
 */
final class ProfileScenario {
  private final Plan plan;
  private final RowLog rows;

  ProfileScenario(Plan plan, RowLog rows) {
    this.plan = plan;
    this.rows = rows;
  }

  ProfileSummary run(Path jar, String natsUrl, BenchEvents events, Path recordingCopy) {
    try {
      Path dir = Files.createTempDirectory("tes-bench-jfr");
      Path recording = dir.resolve("profile.jfr");
      var tenant = BenchTenant.create("fsync");
      List<String> jfr =
          List.of(
              "-XX:StartFlightRecording=filename="
                  + recording
                  + ",settings=profile,dumponexit=true"
                  // Five times the default rate: a 10 s window on ~1 busy core is otherwise
                  // only a few hundred samples.
                  + ",jdk.ExecutionSample#period=2ms");
      var window = new Instant[2];
      try (var process =
          DataPlaneProcess.start(new DataPlaneProcess.Launch(jar, tenant, natsUrl, jfr))) {
        var target = new TesTarget(process);
        var key =
            new Row.Key(
                IngestScenario.saturationId("fsync") + ".jfr",
                "profile",
                "TES",
                "single event, under JFR profiling",
                "fsync",
                "events/s");
        var watch = target.ingestWatch();
        var spec =
            LoadSpec.of(
                new Pacing.ClosedLoop(plan.saturationClients()),
                // A fresh JVM: compile first, so the profile shows the hot path, not the JIT.
                plan.warmup().plus(plan.jitWarmup()),
                plan.profileDuration());
        rows.add(
            Measure.run(
                key,
                observer ->
                    new LoadGenerator()
                        .run(
                            spec,
                            () -> new IngestClient(target.connect(Transport.RAW), events, 1, null),
                            new LoadGenerator.Observer() {
                              @Override
                              public void measuring() {
                                window[0] = Instant.now();
                                observer.measuring();
                              }

                              @Override
                              public void measured() {
                                window[1] = Instant.now();
                                observer.measured();
                              }
                            }),
                watch));
        process.stop();
      }
      if (window[1] == null || !Files.exists(recording)) {
        return ProfileSummary.notRecorded(Row.FAILED, "no recording was written");
      }
      ProfileSummary summary = JfrSummary.summarize(recording, window[0], window[1]);
      if (recordingCopy != null) {
        Files.copy(recording, recordingCopy, StandardCopyOption.REPLACE_EXISTING);
      }
      io.tes.bench.env.Dirs.deleteRecursively(dir);
      return summary;
    } catch (Exception e) {
      return ProfileSummary.notRecorded(
          Row.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
