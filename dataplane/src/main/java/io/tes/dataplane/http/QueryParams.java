package io.tes.dataplane.http;

import io.helidon.webserver.http.ServerRequest;

/** Typed access to query parameters, answering 400 with the parameter's name when malformed. */
public final class QueryParams {
  private QueryParams() {}

  public static long longParam(ServerRequest req, String name, long fallback, long min, long max) {
    var value = req.query().first(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.get().trim());
      if (parsed < min || parsed > max) {
        throw invalid(name, value.get(), "between " + min + " and " + max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw invalid(name, value.get(), "an integer");
    }
  }

  public static String stringParam(ServerRequest req, String name) {
    return req.query().first(name).orElse(null);
  }

  private static ProblemException invalid(String name, String value, String expected) {
    return ProblemType.INVALID_PARAMETER
        .problem("Query parameter '" + name + "' must be " + expected + ", was '" + value + "'.")
        .with("parameter", name)
        .toException();
  }
}
