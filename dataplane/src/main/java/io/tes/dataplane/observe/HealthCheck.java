package io.tes.dataplane.observe;

/** One readiness check of the data plane (the database, NATS...). */
public interface HealthCheck {
  /** The result of a check. */
  record Result(boolean up, String detail) {
    public static Result up(String detail) {
      return new Result(true, detail);
    }

    public static Result down(String detail) {
      return new Result(false, detail);
    }
  }

  String name();

  /** Runs the check; must be quick and must not throw. */
  Result check();
}
