package io.tes.bench.baseline;

/**
 * The data plane's two durability settings and what each means for a peer, so every baseline
 * promises what TES promises: {@code fsync} = on disk before the answer, {@code os} = in the OS
 * page cache (a process crash loses nothing, a power cut may lose the last commits).
 */
public enum Durability {
  FSYNC("fsync", "FULL", "on"),
  OS("os", "NORMAL", "off");

  private final String name;
  private final String sqliteSynchronous;
  private final String postgresSynchronousCommit;

  Durability(String name, String sqliteSynchronous, String postgresSynchronousCommit) {
    this.name = name;
    this.sqliteSynchronous = sqliteSynchronous;
    this.postgresSynchronousCommit = postgresSynchronousCommit;
  }

  public static Durability named(String name) {
    return name.equals("os") ? OS : FSYNC;
  }

  public String label() {
    return name;
  }

  public String sqliteSynchronous() {
    return sqliteSynchronous;
  }

  public String postgresSynchronousCommit() {
    return postgresSynchronousCommit;
  }
}
