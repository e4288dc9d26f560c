package org.gridgov.scoring;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Points off the total per counted event (扣分), as Tongcheng deducts directly for each case not
 * finished within its time limit (DOMAIN.md §6): deducted = min(cap, pointsEach · count).
 *
 * @param indicator a count indicator, e.g. {@link Indicator#OVERDUE_COUNT}
 * @param pointsEach points off per counted case or event, not negative
 * @param cap the most this deduction can take off, if limited
 */
public record Deduction(Indicator indicator, double pointsEach, OptionalDouble cap) {

  /** Checks for nulls. */
  public Deduction {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(cap, "cap");
  }

  /**
   * The points taken off for a count.
   *
   * @param count the count
   * @return {@code min(cap, pointsEach * count)}
   */
  public double points(long count) {
    double raw = pointsEach * count;
    return cap.isPresent() ? Math.min(cap.getAsDouble(), raw) : raw;
  }
}
