package io.tes.operator.status;

/** Condition types and reasons, stable words that scripts and alerts may match on. */
public final class Reasons {
  public static final String READY = "Ready";
  public static final String PROGRESSING = "Progressing";
  public static final String DEGRADED = "Degraded";

  public static final String DATA_PLANE_READY = "DataPlaneReady";
  public static final String PROVISIONING = "Provisioning";
  public static final String ROLLING_OUT = "RollingOut";
  public static final String POD_NOT_READY = "PodNotReady";
  public static final String POD_FAILING = "PodFailing";
  public static final String RECONCILED = "Reconciled";
  public static final String AS_EXPECTED = "AsExpected";
  public static final String PAUSED = "Paused";
  public static final String REGION_UNAVAILABLE = "RegionUnavailable";
  public static final String REGION_CHANGE_REFUSED = "RegionChangeRefused";
  public static final String STORAGE_UNAVAILABLE = "StorageUnavailable";
  public static final String STORAGE_CHANGE_IGNORED = "StorageChangeIgnored";
  public static final String INVALID_NAME = "InvalidName";
  public static final String INVALID_SCHEMAS = "InvalidSchemas";
  public static final String RECONCILE_ERROR = "ReconcileError";

  private Reasons() {}
}
