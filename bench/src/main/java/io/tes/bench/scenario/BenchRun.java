package io.tes.bench.scenario;

import io.tes.bench.dataplane.BenchEvents;
import io.tes.bench.dataplane.BenchTenant;
import io.tes.bench.dataplane.DataPlaneProcess;
import io.tes.bench.dataplane.IngestClient;
import io.tes.bench.dataplane.JarSnapshot;
import io.tes.bench.env.Dirs;
import io.tes.bench.env.LoadAverage;
import io.tes.bench.env.Machine;
import io.tes.bench.env.NatsServer;
import io.tes.bench.env.SourceVersion;
import io.tes.bench.http.Transport;
import io.tes.bench.load.LoadGenerator;
import io.tes.bench.load.LoadSpec;
import io.tes.bench.load.Pacing;
import io.tes.bench.profile.ProfileSummary;
import io.tes.bench.report.Footprint;
import io.tes.bench.report.JsonReport;
import io.tes.bench.report.MarkdownReport;
import io.tes.bench.report.Ratios;
import io.tes.bench.report.Results;
import io.tes.bench.report.Row;
import io.tes.bench.report.RowLog;
import io.tes.bench.report.Targets;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One benchmark run from start to result files: the data plane per durability (scenarios 1 to 4,
 * footprint), extra cold starts, the baselines, the profile, then ratios, targets and reports.
 */
public final class BenchRun {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** What to run and where to write: the plan, the data plane jar, the output directory. */
  public record Options(Plan plan, Path dataplaneJar, Path outDir, String command, String source) {}

  /** The files a run wrote. */
  public record Output(Path json, Path markdown, Path recording, Results results) {}

  private final Options options;
  private final Plan plan;
  private final RowLog rows;
  private final Map<String, String> versions = new LinkedHashMap<>();
  private final List<Double> starts = new ArrayList<>();
  private final List<Double> aotStarts = new ArrayList<>();
  private double idleRss = -1;
  private double peakRss = -1;
  private double rssAfter = -1;

  public BenchRun(Options options, PrintStream out) {
    this.options = options;
    this.plan = options.plan();
    this.rows = new RowLog(out);
  }

  public Output run() throws Exception {
    long t0 = System.nanoTime();
    var now = LocalDateTime.now(ZoneOffset.UTC);
    String stem = plan.mode() + "-" + STAMP.format(now);
    Files.createDirectories(options.outDir());
    var machine = Machine.describe();
    rows.say(
        "machine: "
            + machine.cpuModel()
            + ", "
            + machine.cores()
            + " cores, load "
            + machine.loadAtStart());
    versions.put("java", machine.java());
    versions.put("tes", options.source() != null ? options.source() : SourceVersion.describe());
    String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    Path recording = options.outDir().resolve(stem + "-profile.jfr");
    ProfileSummary profile;
    try (var snapshot = JarSnapshot.of(options.dataplaneJar());
        NatsServer nats = NatsServer.startIfInstalled().orElse(null)) {
      Path jar = snapshot.jar();
      String natsUrl = nats == null ? null : nats.url();
      for (String d : plan.durabilities()) {
        dataPlane(jar, d, natsUrl, new BenchEvents(runId + "-" + d, plan.things()));
      }
      if (natsUrl != null && plan.ingestRoleRow()) {
        ingestRole(jar, natsUrl, new BenchEvents(runId + "-ingest", plan.things()));
      }
      coldStarts(jar, natsUrl);
      aotCacheStarts(jar, natsUrl);
      var baselines = new BaselineScenario(plan, rows, versions);
      var events = new BenchEvents(runId + "-base", plan.things());
      baselines.sqlite(events);
      baselines.jetStream(nats, events);
      baselines.postgres(events);
      profile =
          new ProfileScenario(plan, rows)
              .run(jar, natsUrl, new BenchEvents(runId + "-jfr", plan.things()), recording);
    }
    versions.put("sqlite-jdbc", org.sqlite.SQLiteJDBCLoader.getVersion());
    var footprint =
        new Footprint(
            List.copyOf(starts),
            median(starts),
            List.copyOf(aotStarts),
            median(aotStarts),
            idleRss,
            peakRss,
            rssAfter,
            "java --enable-native-access=ALL-UNNAMED -jar dataplane/target/tes-dataplane.jar");
    var results =
        new Results(
            plan.mode(),
            now + "Z",
            (System.nanoTime() - t0) / 1e9,
            options.command(),
            machine,
            LoadAverage.now(),
            versions,
            rows.rows(),
            footprint,
            Ratios.compute(rows, plan.durabilities(), plan.saturationClients()),
            Targets.check(rows, footprint, plan.mode().equals("full")),
            profile);
    Path json = options.outDir().resolve(stem + ".json");
    Path markdown = options.outDir().resolve(stem + ".md");
    new JsonReport().write(results, json);
    new MarkdownReport().write(results, markdown);
    rows.say("wrote " + json + " and " + markdown);
    return new Output(json, markdown, Files.exists(recording) ? recording : null, results);
  }

  private void dataPlane(Path jar, String durability, String natsUrl, BenchEvents events) {
    var launch =
        new DataPlaneProcess.Launch(jar, BenchTenant.create(durability), natsUrl, List.of());
    try (var process = DataPlaneProcess.start(launch)) {
      starts.add(process.startToReadyMillis());
      rows.say(
          "data plane ("
              + durability
              + ") ready in "
              + Math.round(process.startToReadyMillis())
              + " ms");
      if (idleRss < 0) {
        Thread.sleep(plan.idleSettle().toMillis());
        idleRss = process.memory().rssMb();
      }
      var target = new TesTarget(process);
      warmUp(target, events);
      var ingest = new IngestScenario(plan, rows);
      ingest.run(target, events);
      if (durability.equals("fsync")) {
        ingest.clientCheck(target, events);
        new ProjectionLagScenario(plan, rows).run(target, events);
        new GraphqlScenario(plan, rows).run(target);
      }
      if (!process.alive()) {
        rows.say("the data plane (" + durability + ") exited during the run:" + process.logTail());
      }
      var memory = process.memory();
      peakRss = Math.max(peakRss, memory.peakRssMb());
      rssAfter = Math.max(rssAfter, memory.rssMb());
    } catch (Exception e) {
      rows.add(
          new Row.Key(
                  "tes." + durability,
                  "1 single-event ingest",
                  "TES",
                  "data plane",
                  durability,
                  "events/s")
              .notMeasured(Row.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  /** The ingest role alone, to show what the projector running beside it costs. */
  private void ingestRole(Path jar, String natsUrl, BenchEvents events) {
    var launch =
        new DataPlaneProcess.Launch(jar, BenchTenant.create("fsync"), natsUrl, List.of(), "ingest");
    try (var process = DataPlaneProcess.start(launch)) {
      var target = new TesTarget(process);
      warmUp(target, events);
      new IngestScenario(plan, rows).ingestRoleSaturation(target, events);
    } catch (Exception e) {
      rows.say("the ingest-role data plane failed: " + e.getMessage());
    }
  }

  /**
   * A long-running server is JIT-compiled; a fresh one spends its first seconds compiling. Run the
   * hot path until it is, so the first measured row does not pay for it.
   */
  private void warmUp(TesTarget target, BenchEvents events) throws Exception {
    if (plan.jitWarmup().isZero()) {
      return;
    }
    var spec = LoadSpec.of(new Pacing.ClosedLoop(16), Duration.ZERO, plan.jitWarmup());
    new LoadGenerator()
        .run(spec, () -> new IngestClient(target.connect(Transport.RAW), events, 1, null));
  }

  /** More start-to-ready samples: fresh data directories, nothing else running against them. */
  private void coldStarts(Path jar, String natsUrl) {
    for (int i = starts.size(); i < plan.startupSamples(); i++) {
      var launch =
          new DataPlaneProcess.Launch(jar, BenchTenant.create("fsync"), natsUrl, List.of());
      try (var process = DataPlaneProcess.start(launch)) {
        starts.add(process.startToReadyMillis());
      } catch (Exception e) {
        rows.say("a cold start failed: " + e.getMessage());
      }
    }
  }

  /**
   * Start-to-ready with JDK 25's AOT cache: one training start writes the cache when it exits, then
   * each start loads it. Evidence for a start-up fix without changing the data plane.
   */
  private void aotCacheStarts(Path jar, String natsUrl) {
    if (!plan.aotCacheStarts()) {
      return;
    }
    if (Runtime.version().feature() < 25) {
      rows.say("AOT cache starts skipped: they need JDK 25, this is " + Runtime.version());
      return;
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("tes-bench-aot");
      Path cache = dir.resolve("dataplane.aot");
      try (var training =
          DataPlaneProcess.start(launch(jar, natsUrl, "-XX:AOTCacheOutput=" + cache))) {
        training.stop();
      }
      // The training JVM hands the cache to a child JVM that goes on after the parent exits.
      Path config = dir.resolve("dataplane.aot.config");
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while ((!Files.exists(cache) || Files.exists(config)) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      for (int i = 0; i < plan.startupSamples() && Files.exists(cache); i++) {
        try (var process = DataPlaneProcess.start(launch(jar, natsUrl, "-XX:AOTCache=" + cache))) {
          aotStarts.add(process.startToReadyMillis());
        }
      }
    } catch (Exception e) {
      rows.say("AOT cache starts failed: " + e.getMessage());
    } finally {
      Dirs.deleteRecursively(dir);
    }
  }

  private static DataPlaneProcess.Launch launch(Path jar, String natsUrl, String jvmOption) {
    return new DataPlaneProcess.Launch(
        jar, BenchTenant.create("fsync"), natsUrl, List.of(jvmOption));
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return -1;
    }
    var sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
