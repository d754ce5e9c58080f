package io.tes.dataplane.cloudevents;

/** An event breaks a rule of CloudEvents 1.0 or of its binding; the message says which. */
public final class InvalidEventException extends RuntimeException {
  private final String attribute;

  public InvalidEventException(String attribute, String message) {
    super(message, null, false, false);
    this.attribute = attribute;
  }

  /** The attribute at fault, or null when the whole request is. */
  public String attribute() {
    return attribute;
  }
}
