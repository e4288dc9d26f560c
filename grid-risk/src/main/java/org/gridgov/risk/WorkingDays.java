package org.gridgov.risk;

import java.time.LocalDate;
import org.gridgov.core.time.WorkCalendar;

/**
 * The working days of a {@link WorkCalendar} as arrays, so that "the N-th working day after a date"
 * is two array reads instead of a walk over days: {@code before[i]} counts the working days before
 * day {@code i} of the supported range and {@code day[j]} is the index of the j-th working day.
 * Dates outside the calendar's supported years fall back to {@link Interval#after}. Immutable and
 * thread-safe; package-private. Building one walks about 40,000 days (320 KB), so each {@link
 * RiskControl} builds its calendar's once, on first use ({@link RiskControl#workingDays()}), and
 * keeps it: controls with different calendars never evict each other's.
 */
final class WorkingDays {
  private static final long FIRST = LocalDate.of(WorkCalendar.FIRST_YEAR, 1, 1).toEpochDay();
  private static final long END = LocalDate.of(WorkCalendar.LAST_YEAR + 1, 1, 1).toEpochDay();

  private final WorkCalendar calendar;
  private final int[] before; // working days in [FIRST, FIRST + i); length days + 1
  private final int[] day; // index (from FIRST) of the j-th working day, j from 0

  WorkingDays(WorkCalendar calendar) {
    this.calendar = calendar;
    int days = (int) (END - FIRST);
    before = new int[days + 1];
    int[] work = new int[days];
    int n = 0;
    for (int i = 0; i < days; i++) {
      before[i] = n;
      if (calendar.isWorkingDay(LocalDate.ofEpochDay(FIRST + i))) {
        work[n++] = i;
      }
    }
    before[days] = n;
    day = java.util.Arrays.copyOf(work, n);
  }

  /**
   * The epoch day an interval ends on, counted from an epoch day (docs/risk.md): {@code N days}
   * ends on that day + N, {@code N working_days} on the N-th working day after it (the day itself
   * not counted).
   */
  long after(long epochDay, IntervalUnit unit, int amount) {
    if (unit == IntervalUnit.DAYS) {
      return epochDay + amount;
    }
    long i = epochDay - FIRST;
    if (i >= 0 && i < before.length - 1) {
      long j = (long) before[(int) i + 1] + amount - 1; // working days up to and including the day
      if (j < day.length) {
        return FIRST + day[(int) j];
      }
    }
    return new Interval(amount, unit).after(LocalDate.ofEpochDay(epochDay), calendar).toEpochDay();
  }
}
