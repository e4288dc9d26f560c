package org.gridgov.risk;

import java.time.LocalDate;
import java.util.Objects;
import org.gridgov.core.time.WorkCalendar;

/**
 * A visit interval or a feedback deadline in a control plan: N calendar days or N working days.
 *
 * @param amount how many, at least 1
 * @param unit the unit
 */
public record Interval(int amount, IntervalUnit unit) {
  /**
   * Checks the fields.
   *
   * @param amount how many
   * @param unit the unit
   */
  public Interval {
    Objects.requireNonNull(unit, "unit");
    if (amount < 1) {
      throw new IllegalArgumentException("interval amount " + amount + " is below 1");
    }
  }

  /**
   * N calendar days.
   *
   * @param n how many
   * @return the interval
   */
  public static Interval days(int n) {
    return new Interval(n, IntervalUnit.DAYS);
  }

  /**
   * N working days.
   *
   * @param n how many
   * @return the interval
   */
  public static Interval workingDays(int n) {
    return new Interval(n, IntervalUnit.WORKING_DAYS);
  }

  /**
   * The date the interval ends on, counted from a date: {@code N days} ends on that date + N;
   * {@code N working days} on the N-th working day after it (the date itself not counted).
   *
   * @param date the start date (a visit's local date)
   * @param calendar the working calendar
   * @return the end date
   */
  public LocalDate after(LocalDate date, WorkCalendar calendar) {
    if (unit == IntervalUnit.DAYS) {
      return date.plusDays(amount);
    }
    LocalDate d = date;
    int left = amount;
    while (left > 0) {
      d = d.plusDays(1);
      if (calendar.isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }

  /**
   * A rough length in calendar days, to compare intervals of different units (a working day counts
   * 7/5 of a calendar day).
   *
   * @return the approximate calendar days
   */
  public double approximateDays() {
    return unit == IntervalUnit.DAYS ? amount : amount * 7.0 / 5.0;
  }

  @Override
  public String toString() {
    return amount + (unit == IntervalUnit.DAYS ? " days" : " working days");
  }
}
