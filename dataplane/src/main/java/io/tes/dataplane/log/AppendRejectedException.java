package io.tes.dataplane.log;

/**
 * The log refused an append, and wrote none of the request's events. The subclasses say why, with
 * the context a client needs to recover.
 */
public abstract sealed class AppendRejectedException extends RuntimeException
    permits DuplicateConflictException, VersionConflictException {
  private final int index;

  AppendRejectedException(int index, String message) {
    super(message, null, false, false);
    this.index = index;
  }

  /** Position of the refused event within its request. */
  public int index() {
    return index;
  }
}
