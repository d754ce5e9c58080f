package io.tes.dataplane.cloudevents;

/** An event, or the number of events in a batch, exceeds a configured limit. */
public final class SizeLimitException extends RuntimeException {
  public SizeLimitException(String message) {
    super(message, null, false, false);
  }
}
