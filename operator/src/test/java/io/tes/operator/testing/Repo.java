package io.tes.operator.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository the tests read: the schema, the CRD, the chart. */
public final class Repo {
  private Repo() {}

  public static Path root() {
    var configured = System.getProperty("tes.repo.root");
    var root = Path.of(configured != null ? configured : "..").toAbsolutePath().normalize();
    if (!Files.isDirectory(root.resolve("schemas"))) {
      throw new IllegalStateException("not the repository root (no schemas/): " + root);
    }
    return root;
  }

  public static Path path(String relative) {
    return root().resolve(relative);
  }
}
