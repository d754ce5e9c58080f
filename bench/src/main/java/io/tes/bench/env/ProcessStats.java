package io.tes.bench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Memory and CPU time of a process, read from /proc (Linux). */
public final class ProcessStats {
  private ProcessStats() {}

  /** Resident set now and its peak (high-water mark), in MiB, from /proc/PID/status. */
  public record Memory(double rssMb, double peakRssMb) {}

  public static Memory memory(long pid) {
    double rss = -1;
    double hwm = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kibToMib(line);
        } else if (line.startsWith("VmHWM:")) {
          hwm = kibToMib(line);
        }
      }
    } catch (IOException e) {
      // The process is gone; -1 says so in the report.
    }
    return new Memory(rss, hwm);
  }

  /** User plus system CPU time the process has used so far. */
  public static Duration cpuTime(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(handle -> handle.info().totalCpuDuration())
        .orElse(Duration.ZERO);
  }

  /** CPU time of a process and all its descendants (a postmaster and its backends). */
  public static Duration treeCpuTime(long pid) {
    return ProcessHandle.of(pid)
        .map(
            root -> {
              Duration total = cpuTime(pid);
              for (ProcessHandle child : root.descendants().toList()) {
                total = total.plus(cpuTime(child.pid()));
              }
              return total;
            })
        .orElse(Duration.ZERO);
  }

  private static double kibToMib(String line) {
    return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 102.4) / 10.0;
  }
}
