package io.tes.bench.env;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The commit the benchmarked data plane was built from, and whether its sources had uncommitted
 * changes: a result is only reproducible against a known commit.
 */
public final class SourceVersion {
  private SourceVersion() {}

  public static String describe() {
    String commit = git("rev-parse", "--short", "HEAD");
    if (commit.isEmpty()) {
      return "unknown (not a git checkout)";
    }
    String dirty = git("status", "--porcelain", "--", "dataplane");
    return commit + (dirty.isEmpty() ? "" : " with uncommitted data plane changes");
  }

  private static String git(String... args) {
    var command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return "";
      }
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
