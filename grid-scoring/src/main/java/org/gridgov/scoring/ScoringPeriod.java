package org.gridgov.scoring;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridgov.core.io.Problems;
import org.gridgov.scoring.internal.Months;

/**
 * An assessment period (考核周期): a closed range of calendar months, {@code from..to} inclusive. Cases
 * are attributed to the month in which they were reported, so a period selects the cases reported
 * in its months (a cohort), and a yearly period adds up the counts of its twelve months before any
 * rate is computed.
 *
 * @param from the first month, inclusive
 * @param to the last month, inclusive; not before {@code from}
 */
public record ScoringPeriod(YearMonth from, YearMonth to) {

  /** Validates the range. */
  public ScoringPeriod {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "period ends (" + to + ") before it starts (" + from + ")");
    }
  }

  /**
   * A period of one month.
   *
   * @param month the month
   * @return the period
   */
  public static ScoringPeriod month(YearMonth month) {
    return new ScoringPeriod(month, month);
  }

  /**
   * A calendar year, January to December.
   *
   * @param year the year
   * @return the period
   */
  public static ScoringPeriod year(int year) {
    return new ScoringPeriod(YearMonth.of(year, 1), YearMonth.of(year, 12));
  }

  /**
   * Parses {@code 2026-01..2026-12}, a single month {@code 2026-03}, or a year {@code 2026}.
   *
   * @param text the text
   * @return the period
   * @throws IllegalArgumentException when the text is not one of those forms
   */
  public static ScoringPeriod parse(String text) {
    String t = text.trim();
    try {
      int dots = t.indexOf("..");
      if (dots >= 0) {
        return new ScoringPeriod(
            YearMonth.parse(t.substring(0, dots)), YearMonth.parse(t.substring(dots + 2)));
      }
      if (t.matches("\\d{4}")) {
        return year(Integer.parseInt(t));
      }
      return month(YearMonth.parse(t));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "period " + Problems.quote(text) + " is not YYYY-MM..YYYY-MM, YYYY-MM or YYYY", e);
    }
  }

  /**
   * Whether a month lies in this period.
   *
   * @param month the month
   * @return true when {@code from <= month <= to}
   */
  public boolean contains(YearMonth month) {
    return !month.isBefore(from) && !month.isAfter(to);
  }

  /** The number of months in the period. */
  public int monthCount() {
    return Months.index(to) - Months.index(from) + 1;
  }

  /** The months of the period in order. */
  public List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>(monthCount());
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      months.add(m);
    }
    return List.copyOf(months);
  }

  /** The single-month periods of this period, in order (monthly rollup). */
  public List<ScoringPeriod> eachMonth() {
    return months().stream().map(ScoringPeriod::month).toList();
  }

  /**
   * The calendar years this period touches, each cut to this period (yearly rollup): {@code
   * 2025-07..2026-06} gives {@code 2025-07..2025-12} and {@code 2026-01..2026-06}.
   */
  public List<ScoringPeriod> eachYear() {
    List<ScoringPeriod> years = new ArrayList<>();
    for (int y = from.getYear(); y <= to.getYear(); y++) {
      YearMonth a = y == from.getYear() ? from : YearMonth.of(y, 1);
      YearMonth b = y == to.getYear() ? to : YearMonth.of(y, 12);
      years.add(new ScoringPeriod(a, b));
    }
    return List.copyOf(years);
  }

  /** {@code 2026-01..2026-12}, or {@code 2026-03} for one month; {@link #parse} reads it back. */
  @Override
  public String toString() {
    return from.equals(to) ? from.toString() : from + ".." + to;
  }
}
