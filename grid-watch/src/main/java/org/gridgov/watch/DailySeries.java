package org.gridgov.watch;

/**
 * One cell's past daily counts as the windowed detectors read them (package-private). Days are
 * epoch days ({@link java.time.LocalDate#toEpochDay()}); days before {@link #firstDay()} are
 * unknown, days from it up to {@link #lastDay()} without cases count 0.
 */
interface DailySeries {

  /**
   * The first day the watch was fed (history starts here).
   *
   * @return an epoch day
   */
  long firstDay();

  /**
   * The day being judged, the last day fed.
   *
   * @return an epoch day
   */
  long lastDay();

  /**
   * The cell's count on a day in [firstDay, lastDay].
   *
   * @param epochDay the day
   * @return the cases, ≥ 0
   */
  int count(long epochDay);

  /**
   * Whether a day is a working day on the watch's calendar (make-up days are, holidays are not).
   *
   * @param epochDay the day
   * @return whether it is a working day
   */
  boolean isWorkingDay(long epochDay);
}
