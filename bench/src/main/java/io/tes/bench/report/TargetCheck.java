package io.tes.bench.report;

/** One target of the issue, checked against this run: met, missed, or not measured, and why. */
public record TargetCheck(String target, String measured, String verdict, String detail) {
  public static final String MET = "met";
  public static final String MISSED = "missed";
  public static final String NOT_MEASURED = "not measured";
}
