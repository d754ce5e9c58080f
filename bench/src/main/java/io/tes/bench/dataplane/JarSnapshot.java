package io.tes.bench.dataplane;

import io.tes.bench.env.Dirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A private copy of the data plane jar and its {@code libs/}, taken when the run starts. A build in
 * the same tree rewrites those files while a benchmark's data plane loads classes from them, which
 * crashes it halfway through a run; a copy cannot change under it.
 */
public final class JarSnapshot implements AutoCloseable {
  private final Path dir;
  private final Path jar;

  private JarSnapshot(Path dir, Path jar) {
    this.dir = dir;
    this.jar = jar;
  }

  public static JarSnapshot of(Path jar) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException(
          "no data plane jar at " + jar + "; build it first: ./mvnw -pl dataplane -am package");
    }
    Path dir = Files.createTempDirectory("tes-bench-jar");
    Path copy = dir.resolve(jar.getFileName());
    Files.copy(jar, copy);
    Path libs = jar.resolveSibling("libs");
    if (Files.isDirectory(libs)) {
      Files.createDirectories(dir.resolve("libs"));
      try (Stream<Path> files = Files.list(libs)) {
        for (Path lib : files.toList()) {
          Files.copy(lib, dir.resolve("libs").resolve(lib.getFileName()));
        }
      }
    }
    return new JarSnapshot(dir, copy);
  }

  public Path jar() {
    return jar;
  }

  @Override
  public void close() {
    Dirs.deleteRecursively(dir);
  }
}
