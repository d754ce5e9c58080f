package io.tes.dataplane.observe;

/** One readiness check of the data plane (the database, NATS...). */
public interface HealthCheck {
  /** How a part of the data plane is doing. */
  enum Status {
    /** Working. */
    UP,
    /** Impaired but serving: the data plane stays ready (e.g. NATS away, ingest goes on). */
    DEGRADED,
    /** Not working: the data plane is not ready. */
    DOWN
  }

  /** The result of a check. */
  record Result(Status status, String detail) {
    public static Result up(String detail) {
      return new Result(Status.UP, detail);
    }

    public static Result degraded(String detail) {
      return new Result(Status.DEGRADED, detail);
    }

    public static Result down(String detail) {
      return new Result(Status.DOWN, detail);
    }
  }

  String name();

  /** Runs the check; must be quick and must not throw. */
  Result check();
}
