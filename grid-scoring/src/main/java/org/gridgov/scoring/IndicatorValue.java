package org.gridgov.scoring;

import java.util.Objects;
import java.util.OptionalDouble;
import org.gridgov.scoring.internal.Numbers;

/**
 * The value of one indicator for one unit and period, with the counts behind it.
 *
 * @param indicator the indicator
 * @param value the rate (in [0, 1]) or count; empty when not applicable (zero denominator, or no
 *     case at all)
 * @param numerator the formula's numerator (weighted for satisfaction; the count itself for counts)
 * @param denominator the formula's denominator (1 for counts)
 */
public record IndicatorValue(
    Indicator indicator, OptionalDouble value, double numerator, double denominator) {

  /** Checks for nulls. */
  public IndicatorValue {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(value, "value");
  }

  /** Whether the indicator has a value. */
  public boolean isApplicable() {
    return value.isPresent();
  }

  /** {@code response_rate = 7 / 8 = 0.875} or {@code taken_on = 12} or {@code … = n/a}. */
  @Override
  public String toString() {
    String v = value.isPresent() ? Numbers.plain(value.getAsDouble()) : "n/a";
    if (indicator.type() == Indicator.Type.COUNT) {
      return indicator.key() + " = " + v;
    }
    return indicator.key()
        + " = "
        + Numbers.plain(numerator)
        + " / "
        + Numbers.plain(denominator)
        + " = "
        + v;
  }
}
