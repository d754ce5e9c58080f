package io.tes.bench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster: initdb into a temporary directory, one postmaster on a free
 * loopback port, trust authentication, deleted on close. PostgreSQL refuses to run as root, so as
 * root it runs as the {@code postgres} user that Debian's package creates.
 */
public final class PostgresCluster implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final Process process;
  private final String version;

  private PostgresCluster(Path dir, int port, Process process, String version) {
    this.dir = dir;
    this.port = port;
    this.process = process;
    this.version = version;
  }

  /** Starts a cluster, or returns empty with the reason when PostgreSQL is not installed. */
  public static Optional<PostgresCluster> startIfInstalled(StringBuilder whyNot)
      throws IOException, InterruptedException {
    Optional<Path> bin = findBin();
    if (bin.isEmpty()) {
      whyNot.append("PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin)");
      return Optional.empty();
    }
    List<String> asUser = new ArrayList<>();
    if (Executables.runningAsRoot()) {
      if (run(List.of("id", "-u", "postgres")) != 0) {
        whyNot.append("running as root and there is no 'postgres' user to run PostgreSQL as");
        return Optional.empty();
      }
      asUser.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    // Directly under /tmp, not under a root-only directory, so the postgres user can enter it.
    Path dir = Files.createTempDirectory("tes-bench-pg");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (!asUser.isEmpty() && run(List.of("chown", "postgres", dir.toString())) != 0) {
      Dirs.deleteRecursively(dir);
      whyNot.append("could not hand the cluster directory to the postgres user");
      return Optional.empty();
    }
    Path data = dir.resolve("data");
    var initdb = new ArrayList<>(asUser);
    initdb.addAll(
        List.of(
            bin.get().resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync"));
    if (run(initdb, dir.resolve("initdb.log")) != 0) {
      whyNot.append("initdb failed; see ").append(dir.resolve("initdb.log"));
      return Optional.empty();
    }
    int port = FreePort.find();
    var postgres = new ArrayList<>(asUser);
    postgres.addAll(
        List.of(
            bin.get().resolve("postgres").toString(),
            "-D",
            data.toString(),
            "-p",
            Integer.toString(port),
            "-k",
            dir.toString(),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "max_connections=100",
            "-c",
            "fsync=on"));
    Process process =
        new ProcessBuilder(postgres)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("postgres.log").toFile())
            .start();
    var cluster = new PostgresCluster(dir, port, process, bin.get().toString());
    try {
      cluster.awaitReady();
    } catch (IOException | SQLException e) {
      cluster.close();
      whyNot.append("PostgreSQL did not start: ").append(e.getMessage());
      return Optional.empty();
    }
    return Optional.of(cluster);
  }

  private void awaitReady() throws IOException, InterruptedException, SQLException {
    FreePort.awaitListening(port, process, 30_000);
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      try (Connection c = connect()) {
        return;
      } catch (SQLException e) {
        // "the database system is starting up" until recovery ends.
        if (System.currentTimeMillis() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
  }

  public int port() {
    return port;
  }

  public String version() {
    try (Connection c = connect()) {
      return "PostgreSQL " + c.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return version;
    }
  }

  private static Optional<Path> findBin() throws IOException {
    String override = System.getenv("TES_BENCH_PG_BIN");
    if (override != null && !override.isBlank()) {
      return Optional.of(Path.of(override));
    }
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> versionNumber(b.getParent().getFileName().toString())));
    }
  }

  private static int versionNumber(String name) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    return run(command, null);
  }

  private static int run(List<String> command, Path log) throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(
        log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
    Process p = builder.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  /** Fast shutdown (SIGINT to the postmaster), then the directory goes. */
  @Override
  public void close() throws InterruptedException {
    try {
      Path pidFile = dir.resolve("data").resolve("postmaster.pid");
      if (Files.exists(pidFile)) {
        String pid = Files.readAllLines(pidFile).getFirst().trim();
        run(List.of("kill", "-INT", pid));
        long deadline = System.currentTimeMillis() + 15_000;
        while (Files.exists(pidFile) && System.currentTimeMillis() < deadline) {
          Thread.sleep(20);
        }
      }
    } catch (IOException e) {
      // Fall through to the forcible stop below.
    }
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    Dirs.deleteRecursively(dir);
  }

  /** The postmaster's pid (under runuser it is not the pid of the process this class started). */
  public long postmasterPid() {
    try {
      return Long.parseLong(
          Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).getFirst().trim());
    } catch (IOException | RuntimeException e) {
      return process.pid();
    }
  }
}
