package io.tes.operator.dependent;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Writes quantities the way the API server stores them (1024Mi becomes 1Gi, 2000m becomes 2).
 * Fields outside a pod template are compared as strings when deciding whether an object changed, so
 * a non-canonical desired value would be "changed" on every reconcile: an endless loop.
 */
public final class CanonicalQuantity {
  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final String[] DECIMAL = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
  private static final BigInteger KI = BigInteger.valueOf(1024);

  private CanonicalQuantity() {}

  public static String of(String quantity) {
    return times(quantity, 1);
  }

  /** {@code factor} times the quantity, canonical. Binary suffixes stay binary where whole. */
  public static String times(String quantity, int factor) {
    var parsed = new Quantity(quantity);
    var amount = Quantity.getAmountInBytes(parsed).multiply(BigDecimal.valueOf(factor));
    var format = parsed.getFormat() == null ? "" : parsed.getFormat();
    if (format.endsWith("i") && isWhole(amount) && amount.signum() > 0) {
      var whole = amount.toBigIntegerExact();
      int power = 0;
      while (power < BINARY.length - 1 && whole.mod(KI).signum() == 0 && whole.compareTo(KI) >= 0) {
        whole = whole.divide(KI);
        power++;
      }
      if (power > 0) {
        return whole + BINARY[power];
      }
    }
    return decimal(amount);
  }

  private static String decimal(BigDecimal amount) {
    if (amount.signum() == 0) {
      return "0";
    }
    // Largest power of 1000 that leaves a whole mantissa; suffix index 3 is 10^0.
    for (int index = DECIMAL.length - 1; index >= 0; index--) {
      var mantissa = amount.movePointLeft(3 * (index - 3));
      if (isWhole(mantissa)) {
        return mantissa.toBigIntegerExact() + DECIMAL[index];
      }
    }
    return amount.toPlainString();
  }

  private static boolean isWhole(BigDecimal value) {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }
}
