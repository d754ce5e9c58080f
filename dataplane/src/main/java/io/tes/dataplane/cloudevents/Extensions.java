package io.tes.dataplane.cloudevents;

/** Typing of extension attribute values, with the one extension TES itself interprets. */
final class Extensions {
  private Extensions() {}

  static Object fromString(String name, String value) {
    if (CloudEvent.EXPECTED_VERSION.equals(name)) {
      return expectedVersion(value);
    }
    return value;
  }

  static Object fromInteger(String name, long value) {
    if (CloudEvent.EXPECTED_VERSION.equals(name)) {
      if (value < 0) {
        throw invalidVersion(Long.toString(value));
      }
      return value;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new InvalidEventException(
          name,
          "extension attribute '" + name + "' is outside the CloudEvents Integer range (32 bits)");
    }
    return value;
  }

  private static Long expectedVersion(String value) {
    try {
      long version = Long.parseLong(value);
      if (version < 0) {
        throw invalidVersion(value);
      }
      return version;
    } catch (NumberFormatException e) {
      throw invalidVersion(value);
    }
  }

  private static InvalidEventException invalidVersion(String value) {
    return new InvalidEventException(
        CloudEvent.EXPECTED_VERSION,
        "attribute 'expectedversion' must be a non-negative integer, was '" + value + "'");
  }
}
