package io.tes.operator.dependent;

/** Where the data plane container finds things; the rendered config refers to these paths. */
public final class Mounts {
  public static final String CONFIG_DIR = "/etc/tes";
  public static final String CONFIG_FILE = CONFIG_DIR + "/" + Names.CONFIG_KEY;
  public static final String DATA_DIR = "/var/lib/tes";
  public static final String TMP_DIR = "/tmp";
  public static final String SECRETS_DIR = "/var/run/tes";

  private Mounts() {}

  public static String webhookSecretDir(String webhook) {
    return SECRETS_DIR + "/webhooks/" + webhook;
  }

  public static String enrichmentSecretDir() {
    return SECRETS_DIR + "/enrichment";
  }
}
