package io.tes.dataplane.graphql;

import io.tes.dataplane.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Runs the node scripts of {@code src/test/js} (graphql-http's audit, the graphql-ws client). Their
 * packages are installed with {@code npm ci} from the committed lock file; the install is skipped
 * when node_modules already holds exactly that lock file's packages.
 */
final class NodeScripts {
  static final Path DIR = Path.of("src", "test", "js").toAbsolutePath();
  private static final String MARKER = ".installed-from-lock";

  private NodeScripts() {}

  /** Installs the locked packages unless they are there already. */
  static void install() throws IOException, InterruptedException {
    String lock = sha256(Files.readAllBytes(DIR.resolve("package-lock.json")));
    Path marker = DIR.resolve("node_modules").resolve(MARKER);
    if (Files.isRegularFile(marker) && Files.readString(marker).equals(lock)) {
      return;
    }
    Result result = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
    if (result.exitCode() != 0) {
      throw new IllegalStateException("npm ci failed: " + result.output());
    }
    Files.writeString(marker, lock);
  }

  /** What a script printed, and how it ended. */
  record Result(int exitCode, String output) {
    /** The last line that is a JSON object (scripts print their findings last). */
    JsonNode json() {
      String[] lines = output.strip().split("\n");
      return Json.mapper().readTree(lines[lines.length - 1]);
    }

    List<JsonNode> jsonLines() {
      var nodes = new ArrayList<JsonNode>();
      for (String line : output.strip().split("\n")) {
        if (line.startsWith("{")) {
          nodes.add(Json.mapper().readTree(line));
        }
      }
      return nodes;
    }
  }

  static Result node(String script, String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    return run(command, 120);
  }

  private static Result run(List<String> command, int timeoutSeconds)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(DIR.toFile()).start();
    // Read stderr on its own thread, so neither pipe fills up and blocks the script.
    var stderr = new StringBuilder();
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    stderr.append(
                        new String(
                            process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                  } catch (IOException e) {
                    stderr.append(e);
                  }
                });
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
    }
    reader.join();
    return new Result(process.exitValue(), stdout + (stderr.isEmpty() ? "" : "\n" + stderr));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
