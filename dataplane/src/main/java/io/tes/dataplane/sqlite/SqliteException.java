package io.tes.dataplane.sqlite;

/** A database operation failed (I/O error, disk full, closed); nothing of it took effect. */
public class SqliteException extends RuntimeException {
  public SqliteException(String message, Throwable cause) {
    super(message, cause);
  }
}
