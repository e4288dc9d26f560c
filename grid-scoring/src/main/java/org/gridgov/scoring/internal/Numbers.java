package org.gridgov.scoring.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number formatting and the one rounding step of scores. Stateless. */
public final class Numbers {
  /** Significant digits a double carries reliably; see {@link #halfUp2(double)}. */
  private static final MathContext DOUBLE_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

  private Numbers() {}

  /**
   * A number as written by a person: {@code 100}, {@code 0.9}, {@code 33.3}.
   *
   * @param v the number
   * @return its shortest plain form
   */
  public static String plain(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * Rounds a score half-up to two decimals, the only rounding of a score.
   *
   * <p>The double is first read as the decimal of 15 significant digits nearest to it: that is the
   * precision a double carries, and it removes the last-bit error of the few operations that
   * produced it, so that a total that is exactly 82.125 by hand but 82.12499999999999 in binary
   * rounds to 82.13 as the hand calculation does.
   *
   * @param v a finite value
   * @return v rounded half-up to two decimals
   */
  public static BigDecimal halfUp2(double v) {
    return new BigDecimal(v).round(DOUBLE_DIGITS).setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * {@link #halfUp2(double)} as hundredths, for the fast path.
   *
   * @param v a finite value
   * @return v rounded half-up to hundredths, times 100
   */
  public static long cents(double v) {
    double x = v * 100.0;
    double frac = x - Math.floor(x);
    if (Math.abs(frac - 0.5) > 1e-6 && Math.abs(x) < 1e12) {
      // Far from a half: the binary error of v and of the multiplication cannot change the result.
      return (long) Math.floor(x + 0.5);
    }
    return halfUp2(v).movePointRight(2).longValueExact();
  }
}
