package io.tes.dataplane.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data plane in a child JVM, started the way production starts it (Main, TES_* variables), so a
 * test can kill it with SIGKILL and start it again on the same data directory.
 */
public final class ChildDataPlane implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("tes: ready on port (\\d+)");

  private final Process process;
  private final int port;
  private final Http http;

  private ChildDataPlane(Process process, int port) {
    this.process = process;
    this.port = port;
    this.http = new Http(port);
  }

  public static ChildDataPlane start(Path dataDir, String tenantYaml, Map<String, String> env)
      throws IOException, InterruptedException {
    Files.createDirectories(dataDir);
    Path config = dataDir.resolve("tenant.yaml");
    Files.writeString(config, tenantYaml);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.tes.dataplane.Main")
            .redirectErrorStream(true);
    builder.environment().put("TES_DATA_DIR", dataDir.toString());
    builder.environment().put("TES_CONFIG", config.toString());
    builder.environment().put("TES_PORT", "0");
    builder.environment().putAll(env);
    Process process = builder.start();
    var portFuture = new CompletableFuture<Integer>();
    var output = new StringBuilder();
    Thread.ofVirtual()
        .start(
            () -> {
              try (var reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                  Matcher m = READY.matcher(line);
                  if (m.find()) {
                    portFuture.complete(Integer.parseInt(m.group(1)));
                  }
                }
              } catch (IOException e) {
                // The process was killed; its output ends here.
              }
              portFuture.completeExceptionally(
                  new IllegalStateException("child exited before ready:\n" + output));
            });
    try {
      return new ChildDataPlane(process, portFuture.get(60, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("child data plane did not start", e);
    }
  }

  public int port() {
    return port;
  }

  public Http http() {
    return http;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
