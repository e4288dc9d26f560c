package org.gridgov.watch;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * A tiny in-memory {@link DailySeries}: {@code counts[i]} is the count of day {@code firstDay + i},
 * the last element is the day judged.
 */
record TestSeries(long firstDay, int[] counts, LongPredicate working) implements DailySeries {

  /** Monday 5 January 2026. */
  static final long MONDAY = LocalDate.of(2026, 1, 5).toEpochDay();

  /** Every day a working day. */
  static final LongPredicate ALL_WORKING = d -> true;

  /** Monday to Friday working, weekends rest. */
  static final LongPredicate WEEKDAYS = d -> Math.floorMod(d + 3, 7) < 5; // epoch day 0: Thursday

  static TestSeries of(LongPredicate working, int... counts) {
    return new TestSeries(MONDAY, counts.clone(), working);
  }

  @Override
  public long lastDay() {
    return firstDay + counts.length - 1;
  }

  @Override
  public int count(long epochDay) {
    if (epochDay < firstDay || epochDay > lastDay()) {
      throw new IllegalArgumentException("day " + epochDay + " outside the series");
    }
    return counts[(int) (epochDay - firstDay)];
  }

  @Override
  public boolean isWorkingDay(long epochDay) {
    return working.test(epochDay);
  }

  /** The same series with today's count replaced. */
  TestSeries withToday(int today) {
    int[] c = counts.clone();
    c[c.length - 1] = today;
    return new TestSeries(firstDay, c, working);
  }

  @Override
  public String toString() {
    return "TestSeries[firstDay=" + firstDay + ", counts=" + Arrays.toString(counts) + "]";
  }
}
