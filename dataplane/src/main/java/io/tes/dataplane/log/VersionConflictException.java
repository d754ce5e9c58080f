package io.tes.dataplane.log;

/**
 * Optimistic concurrency failed: the subject's stream is not at the version the client expected.
 */
public final class VersionConflictException extends AppendRejectedException {
  private final String subject;
  private final long expectedVersion;
  private final long currentVersion;

  public VersionConflictException(
      int index, String subject, long expectedVersion, long currentVersion) {
    super(
        index,
        "stream '"
            + subject
            + "' is at version "
            + currentVersion
            + ", but version "
            + expectedVersion
            + " was expected");
    this.subject = subject;
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  public String subject() {
    return subject;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
