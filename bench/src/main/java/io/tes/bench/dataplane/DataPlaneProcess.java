package io.tes.bench.dataplane;

import io.tes.bench.env.Dirs;
import io.tes.bench.env.ProcessStats;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data plane under test, started exactly as {@code scripts/run} starts it ({@code java -jar
 * tes-dataplane.jar} with TES_* variables) in a fresh data directory. Start-to-ready is the time
 * from process start to the {@code tes: ready on port N} line: JVM start-up included, as a user
 * waits for it.
 */
public final class DataPlaneProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("tes: ready on port (\\d+)");

  private final Process process;
  private final Path workDir;
  private final int port;
  private final double startToReadyMillis;
  private final BenchTenant tenant;

  private DataPlaneProcess(
      Process process, Path workDir, int port, double startToReadyMillis, BenchTenant tenant) {
    this.process = process;
    this.workDir = workDir;
    this.port = port;
    this.startToReadyMillis = startToReadyMillis;
    this.tenant = tenant;
  }

  /** What to start: the jar, the tenant, NATS (may be null) and extra JVM options. */
  public record Launch(Path jar, BenchTenant tenant, String natsUrl, List<String> jvmOptions) {}

  public static DataPlaneProcess start(Launch launch) throws IOException, InterruptedException {
    if (!Files.isRegularFile(launch.jar())) {
      throw new IOException(
          "no data plane jar at "
              + launch.jar()
              + "; build it first: ./mvnw -pl dataplane -am package -DskipTests");
    }
    Path workDir = Files.createTempDirectory("tes-bench-dataplane");
    Path config = workDir.resolve("tenant.yaml");
    Files.writeString(config, launch.tenant().yaml());
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(launch.jvmOptions());
    command.addAll(List.of("-jar", launch.jar().toAbsolutePath().toString()));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("TES_CONFIG", config.toString());
    builder.environment().put("TES_DATA_DIR", workDir.resolve("data").toString());
    builder.environment().put("TES_PORT", "0");
    builder.environment().put("TES_HOST", "127.0.0.1");
    if (launch.natsUrl() != null) {
      builder.environment().put("TES_NATS_URL", launch.natsUrl());
    }
    long started = System.nanoTime();
    Process process = builder.start();
    var ready = new CompletableFuture<long[]>();
    Thread.ofVirtual().start(() -> drain(process, workDir.resolve("dataplane.log"), ready));
    try {
      long[] portAndTime = ready.get(60, TimeUnit.SECONDS);
      return new DataPlaneProcess(
          process,
          workDir,
          (int) portAndTime[0],
          (portAndTime[1] - started) / 1e6,
          launch.tenant());
    } catch (Exception e) {
      process.destroyForcibly();
      String log = Files.exists(workDir.resolve("dataplane.log")) ? tail(workDir) : "";
      Dirs.deleteRecursively(workDir);
      throw new IOException("the data plane did not become ready: " + e.getMessage() + log, e);
    }
  }

  /** Copies the process output to a log file, noting the moment the ready line appears. */
  private static void drain(Process process, Path log, CompletableFuture<long[]> ready) {
    try (var reader =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter writer = Files.newBufferedWriter(log)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!ready.isDone()) {
          Matcher m = READY.matcher(line);
          if (m.find()) {
            ready.complete(new long[] {Long.parseLong(m.group(1)), System.nanoTime()});
          }
        }
        writer.write(line);
        writer.newLine();
        writer.flush();
      }
    } catch (IOException e) {
      // The process ended; its output ends here.
    }
    ready.completeExceptionally(new IOException("the data plane exited"));
  }

  private static String tail(Path workDir) {
    try {
      List<String> lines = Files.readAllLines(workDir.resolve("dataplane.log"));
      return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public double startToReadyMillis() {
    return startToReadyMillis;
  }

  public BenchTenant tenant() {
    return tenant;
  }

  public ProcessStats.Memory memory() {
    return ProcessStats.memory(process.pid());
  }

  public Path workDir() {
    return workDir;
  }

  /** SIGTERM, as Kubernetes stops a pod; the data plane commits what is queued and exits. */
  public void stop() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** The last lines the data plane printed, to explain why it stopped. */
  public String logTail() {
    return tail(workDir);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
    Dirs.deleteRecursively(workDir);
  }
}
