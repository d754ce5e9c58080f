package io.tes.operator.tenant;

/** One word for `kubectl get tenants`; the conditions hold the detail. */
public enum Phase {
  Pending,
  Provisioning,
  Ready,
  Paused,
  Failed
}
