package io.tes.bench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kernel's 1, 5 and 15 minute load averages: how busy the shared machine was. */
public record LoadAverage(double one, double five, double fifteen) {

  public static LoadAverage now() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return new LoadAverage(
          Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    } catch (IOException | RuntimeException e) {
      return new LoadAverage(-1, -1, -1);
    }
  }

  @Override
  public String toString() {
    return one + " / " + five + " / " + fifteen;
  }
}
