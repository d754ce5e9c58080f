package io.tes.dataplane.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail. The {@code type} is a stable identifier clients may switch on; the
 * {@code detail} says precisely what was wrong with this request.
 *
 * @param type stable problem type URI
 * @param title short summary of the problem type
 * @param status HTTP status code
 * @param detail explanation specific to this occurrence
 * @param extensions further members (for example the list of schema violations)
 */
public record Problem(
    String type, String title, int status, String detail, Map<String, Object> extensions) {

  public Problem {
    // Insertion order is kept: clients read the members in the order they were meant.
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  public Problem(ProblemType type, String detail) {
    this(type.uri(), type.title(), type.status(), detail, Map.of());
  }

  /** Returns a copy with one more extension member. */
  public Problem with(String name, Object value) {
    var more = new LinkedHashMap<>(extensions);
    more.put(name, value);
    return new Problem(type, title, status, detail, more);
  }

  public ProblemException toException() {
    return new ProblemException(this);
  }
}
