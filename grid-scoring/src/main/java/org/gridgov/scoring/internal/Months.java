package org.gridgov.scoring.internal;

import java.time.YearMonth;

/** Month numbering used by the columnar case log: months since January of year 0. */
public final class Months {
  private Months() {}

  /**
   * The index of a month.
   *
   * @param month the month
   * @return {@code year * 12 + month - 1}
   */
  public static int index(YearMonth month) {
    return month.getYear() * 12 + month.getMonthValue() - 1;
  }

  /**
   * The month at an index.
   *
   * @param index a value from {@link #index(YearMonth)}
   * @return the month
   */
  public static YearMonth at(int index) {
    return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
  }
}
