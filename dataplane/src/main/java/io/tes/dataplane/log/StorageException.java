package io.tes.dataplane.log;

import io.tes.dataplane.sqlite.SqliteException;

/**
 * The log's database failed (disk full, I/O error, closed); the request's events were not stored.
 */
public final class StorageException extends SqliteException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
