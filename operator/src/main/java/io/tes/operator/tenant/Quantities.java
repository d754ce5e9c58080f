package io.tes.operator.tenant;

/** Patterns shared by the model. */
final class Quantities {
  /** A Kubernetes resource quantity without exponent notation (1Gi, 500m, 2). */
  static final String QUANTITY = "^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$";

  /** A DNS label, as used for object names. */
  static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$";

  private Quantities() {}
}
