package io.tes.operator.dependent;

import io.tes.operator.tenant.Tenant;
import java.util.Map;

/**
 * Names and labels of a tenant's objects. Everything lives in the tenant's own namespace, so the
 * names inside it can be fixed.
 */
public final class Names {
  public static final String NAMESPACE_PREFIX = "tes-";
  public static final String STATEFUL_SET = "tes";
  public static final String SERVICE = "tes";
  public static final String INGRESS = "tes";
  public static final String CONFIG_MAP = "tes-config";
  public static final String CONFIG_KEY = "tenant.yaml";
  public static final String CREDENTIALS_SECRET = "tes-credentials";
  public static final String NETWORK_POLICY = "tes-default-deny";
  public static final String RESOURCE_QUOTA = "tes-quota";
  public static final String DATA_VOLUME = "data";
  public static final String HTTP_PORT_NAME = "http";
  public static final int HTTP_PORT = 8080;

  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "tes-operator";

  /** Informers of the operator's children see only objects carrying this label. */
  public static final String MANAGED_SELECTOR = MANAGED_BY_LABEL + "=" + MANAGED_BY;

  public static final String TENANT_LABEL = "tes.io/tenant";

  private Names() {}

  public static String namespace(Tenant tenant) {
    return NAMESPACE_PREFIX + tenant.getMetadata().getName();
  }

  /** The claim that the StatefulSet controller makes from the volume claim template. */
  public static String dataClaim() {
    return DATA_VOLUME + "-" + STATEFUL_SET + "-0";
  }

  /** Labels on every object the operator makes for a tenant. */
  public static Map<String, String> labels(Tenant tenant) {
    return Map.of(
        MANAGED_BY_LABEL,
        MANAGED_BY,
        TENANT_LABEL,
        tenant.getMetadata().getName(),
        "app.kubernetes.io/part-of",
        "tes");
  }

  /** Labels that select the data plane pod; never changed once a StatefulSet exists. */
  public static Map<String, String> podSelector(Tenant tenant) {
    return Map.of(
        "app.kubernetes.io/name",
        "tes-dataplane",
        "app.kubernetes.io/instance",
        tenant.getMetadata().getName());
  }
}
