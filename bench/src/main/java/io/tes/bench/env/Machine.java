package io.tes.bench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the numbers were measured on; every result file carries it. */
public record Machine(
    String cpuModel,
    int cores,
    long memoryMb,
    String kernel,
    String java,
    LoadAverage loadAtStart,
    String note) {

  public static Machine describe() {
    return new Machine(
        readCpuModel(),
        Runtime.getRuntime().availableProcessors(),
        readMemoryMb(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + Runtime.version(),
        LoadAverage.now(),
        "load generator, data plane and baselines share these cores; other engineers' builds may"
            + " run at the same time (see the load averages)");
  }

  private static String readCpuModel() {
    return procLines("/proc/cpuinfo").stream()
        .filter(line -> line.startsWith("model name"))
        .map(line -> line.substring(line.indexOf(':') + 1).trim())
        .findFirst()
        .orElse("unknown");
  }

  private static long readMemoryMb() {
    return procLines("/proc/meminfo").stream()
        .filter(line -> line.startsWith("MemTotal:"))
        .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
        .findFirst()
        .orElse(-1L);
  }

  private static List<String> procLines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException e) {
      return List.of();
    }
  }
}
