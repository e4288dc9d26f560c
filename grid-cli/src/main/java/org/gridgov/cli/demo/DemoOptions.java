package org.gridgov.cli.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the demo generates: the seed, the period and the volume of reports.
 *
 * @param seed the seed of the report generator; the same seed gives byte-identical outputs
 * @param start the first day
 * @param days the number of days, 1–366
 * @param casesPerWorkingDay the mean number of reports on a working day (rest days bring about a
 *     third), 0–2000
 */
public record DemoOptions(long seed, LocalDate start, int days, double casesPerWorkingDay) {
  /** The default seed. */
  public static final long DEFAULT_SEED = 2026;

  /**
   * The default volume: 60 reports a working day, about 17,000 a year — Tongcheng reported some
   * 170,000 events since its platform started (docs/domain.md §3), of the order of 20,000 a year.
   */
  public static final double DEFAULT_CASES_PER_WORKING_DAY = 60;

  /**
   * Validates.
   *
   * @param seed the seed
   * @param start the first day
   * @param days the days
   * @param casesPerWorkingDay the volume
   */
  public DemoOptions {
    Objects.requireNonNull(start, "start");
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException("days must be in [1, 366]: " + days);
    }
    if (!(casesPerWorkingDay >= 0 && casesPerWorkingDay <= 2000)) {
      throw new IllegalArgumentException(
          "casesPerWorkingDay must be in [0, 2000]: " + casesPerWorkingDay);
    }
  }

  /**
   * A whole calendar year at the default volume.
   *
   * @param year the year
   * @param seed the seed
   * @return the options
   */
  public static DemoOptions year(int year, long seed) {
    LocalDate start = LocalDate.of(year, 1, 1);
    return new DemoOptions(seed, start, start.lengthOfYear(), DEFAULT_CASES_PER_WORKING_DAY);
  }

  /**
   * A copy over another period and volume (tests use a short period).
   *
   * @param count the days
   * @param perDay the mean reports per working day
   * @return the copy
   */
  public DemoOptions withSize(int count, double perDay) {
    return new DemoOptions(seed, start, count, perDay);
  }

  /**
   * The day after the last day.
   *
   * @return the end, exclusive
   */
  public LocalDate end() {
    return start.plusDays(days);
  }
}
