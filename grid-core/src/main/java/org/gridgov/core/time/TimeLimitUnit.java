package org.gridgov.core.time;

/** The unit a time limit is counted in (docs/domain.md §7: 工作时, 工作日). */
public enum TimeLimitUnit {
  /** Working hours (工作时): only time inside working periods of working days counts. */
  WORKING_HOURS,
  /**
   * Working days (工作日): one working day is one full day of working time ({@link
   * WorkCalendar#workingDayLength()}), so "2 working days" from 10:00 on Monday ends at 10:00 on
   * Wednesday when both are working days.
   */
  WORKING_DAYS,
  /** Calendar hours: wall-clock time, for round-the-clock matters such as hotline response. */
  CALENDAR_HOURS
}
