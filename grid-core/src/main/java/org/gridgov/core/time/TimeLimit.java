package org.gridgov.core.time;

import java.util.Locale;
import java.util.Objects;

/**
 * A time limit such as "4 working hours" or "7 working days".
 *
 * @param amount how many units, not negative
 * @param unit the unit
 */
public record TimeLimit(long amount, TimeLimitUnit unit) {
  /**
   * Validates the limit.
   *
   * @param amount how many units
   * @param unit the unit
   */
  public TimeLimit {
    Objects.requireNonNull(unit, "unit");
    if (amount < 0 || amount > 100_000) {
      throw new IllegalArgumentException("time limit amount out of range [0, 100000]: " + amount);
    }
  }

  /**
   * A limit in working hours.
   *
   * @param hours the hours
   * @return the limit
   */
  public static TimeLimit workingHours(long hours) {
    return new TimeLimit(hours, TimeLimitUnit.WORKING_HOURS);
  }

  /**
   * A limit in working days.
   *
   * @param days the days
   * @return the limit
   */
  public static TimeLimit workingDays(long days) {
    return new TimeLimit(days, TimeLimitUnit.WORKING_DAYS);
  }

  /**
   * A limit in calendar hours.
   *
   * @param hours the hours
   * @return the limit
   */
  public static TimeLimit calendarHours(long hours) {
    return new TimeLimit(hours, TimeLimitUnit.CALENDAR_HOURS);
  }

  /**
   * Parses the text form written by {@link #toString()}: {@code "4 working hours"}, {@code "1
   * working day"}, {@code "24 hours"}.
   *
   * @param text the text
   * @return the limit
   * @throws IllegalArgumentException when the text has another form
   */
  public static TimeLimit parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    int sp = s.indexOf(' ');
    if (sp <= 0) {
      throw new IllegalArgumentException(
          "time limit '"
              + text
              + "' must look like '4 working hours', '7 working days' or '24 hours'");
    }
    long amount;
    try {
      amount = Long.parseLong(s.substring(0, sp));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "time limit '" + text + "' does not start with a whole number", e);
    }
    String unit = s.substring(sp + 1);
    switch (unit) {
      case "working hour":
      case "working hours":
        return workingHours(amount);
      case "working day":
      case "working days":
        return workingDays(amount);
      case "hour":
      case "hours":
        return calendarHours(amount);
      default:
        throw new IllegalArgumentException(
            "time limit '"
                + text
                + "' has unknown unit '"
                + unit
                + "'; use working hours, working days or hours");
    }
  }

  @Override
  public String toString() {
    String one =
        switch (unit) {
          case WORKING_HOURS -> "working hour";
          case WORKING_DAYS -> "working day";
          case CALENDAR_HOURS -> "hour";
        };
    return amount + " " + one + (amount == 1 ? "" : "s");
  }
}
