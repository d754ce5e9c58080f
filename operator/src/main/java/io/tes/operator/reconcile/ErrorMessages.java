package io.tes.operator.reconcile;

/** A short, single-line message from an exception chain, fit for a condition. */
final class ErrorMessages {
  private static final int MAX = 480;

  private ErrorMessages() {}

  static String of(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    var message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    message = message.replaceAll("\\s+", " ").trim();
    return message.length() > MAX ? message.substring(0, MAX) + "..." : message;
  }
}
