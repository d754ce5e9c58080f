package io.tes.operator.tenant;

/** What happens to the tenant's data when its Tenant is deleted. */
public enum DeletionPolicy {
  /** Keep the namespace with the volume claim (and so the data); remove everything else. */
  Retain,
  /** Remove the namespace, and with it the volume claim and the data. */
  Delete
}
