package io.tes.dataplane.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;

/** A handler registered after a resource's real ones: any other method gets 405 with Allow. */
public final class MethodNotAllowed {
  private MethodNotAllowed() {}

  public static Handler allowing(String... methods) {
    String allow = String.join(", ", methods);
    return (req, res) -> {
      res.header(HeaderNames.ALLOW, allow);
      Responses.problem(
          res,
          ProblemType.METHOD_NOT_ALLOWED.problem(
              req.prologue().method().text() + " is not allowed here; use " + allow + "."));
    };
  }
}
