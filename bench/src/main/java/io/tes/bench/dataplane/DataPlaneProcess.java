package io.tes.bench.dataplane;

import io.tes.bench.env.Dirs;
import io.tes.bench.env.ProcessStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * What to start: the jar, the tenant, NATS (may be null), extra JVM options, and the role ({@code
   * TES_ROLE}; null for the default, everything in one process).
   */
  public record Launch(
      Path jar, BenchTenant tenant, String natsUrl, List<String> jvmOptions, String role) {

    public Launch(Path jar, BenchTenant tenant, String natsUrl, List<String> jvmOptions) {
      this(jar, tenant, natsUrl, jvmOptions, null);
    }
  }

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
    if (launch.role() != null) {
      builder.environment().put("TES_ROLE", launch.role());
    }
    // A file, not a pipe: the JDK closes a child's pipe once the child exits, and a JVM that
    // hands work to a grandchild at exit (the AOT cache assembly) would lose its output and die.
    Path log = workDir.resolve("dataplane.log");
    builder.redirectOutput(log.toFile());
    long started = System.nanoTime();
    Process process = builder.start();
    try {
      int port = awaitReady(process, log);
      return new DataPlaneProcess(
          process, workDir, port, (System.nanoTime() - started) / 1e6, launch.tenant());
    } catch (IOException e) {
      process.destroyForcibly();
      String tail = tail(workDir);
      Dirs.deleteRecursively(workDir);
      throw new IOException("the data plane did not become ready: " + e.getMessage() + tail, e);
    }
  }

  /** Follows the log until the ready line; polls often, so start-to-ready is exact to ~1 ms. */
  private static int awaitReady(Process process, Path log)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try (var reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      var partial = new StringBuilder();
      while (System.nanoTime() < deadline) {
        int c;
        while ((c = reader.read()) >= 0) {
          if (c != '\n') {
            partial.append((char) c);
            continue;
          }
          Matcher m = READY.matcher(partial);
          if (m.find()) {
            return Integer.parseInt(m.group(1));
          }
          partial.setLength(0);
        }
        if (!process.isAlive()) {
          throw new IOException("the data plane exited with " + process.exitValue());
        }
        Thread.sleep(1);
      }
    }
    throw new IOException("no ready line within 60 s");
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
