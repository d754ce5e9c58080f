package io.tes.dataplane.log;

/** The database failed (disk full, I/O error, closed); the request's events were not stored. */
public final class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
