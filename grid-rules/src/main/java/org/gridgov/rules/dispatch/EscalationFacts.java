package org.gridgov.rules.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.gridgov.core.GridLevel;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimitUnit;
import org.gridgov.core.time.WorkCalendar;

/**
 * What the escalation table looks at: the level holding the case, whether the case is beyond that
 * level's authority, and how much of its time limit has been used.
 *
 * @param level the level holding the case; the table's {@code level} input
 * @param beyondAuthority whether the case is beyond the level's authority or capacity (超出权限); the
 *     table's {@code beyondAuthority} input
 * @param overdueShare the time used as a share of the time limit: 0.5 is half-way, 1.0 is due, 1.5
 *     is overdue by half the limit; the table's {@code overdueShare} input
 */
public record EscalationFacts(GridLevel level, boolean beyondAuthority, double overdueShare) {
  /** The share reported for a case whose time limit is zero and has passed. */
  public static final double ZERO_LIMIT_PASSED = 1_000_000.0;

  /**
   * Validates the facts.
   *
   * @param level the level
   * @param beyondAuthority whether beyond authority
   * @param overdueShare the share of the time limit used, finite and at least 0
   */
  public EscalationFacts {
    Objects.requireNonNull(level, "level");
    if (!(overdueShare >= 0) || Double.isInfinite(overdueShare)) {
      throw new IllegalArgumentException(
          "overdue share must be a finite number >= 0 but was " + overdueShare);
    }
  }

  /**
   * The share of a time limit used between the start of handling and now, measured the way the
   * limit is: working time for working hours and days, calendar time for calendar hours.
   *
   * @param calendar the working calendar
   * @param start when handling started (the case was dispatched)
   * @param limit the time limit
   * @param now the moment of the check
   * @return the share used, 0 before the start; {@link #ZERO_LIMIT_PASSED} for a zero limit
   */
  public static double overdueShare(
      WorkCalendar calendar, Instant start, TimeLimit limit, Instant now) {
    if (!now.isAfter(start)) {
      return 0;
    }
    Instant deadline = calendar.plus(start, limit);
    boolean working = limit.unit() != TimeLimitUnit.CALENDAR_HOURS;
    Duration allowed =
        working ? calendar.workingTimeBetween(start, deadline) : Duration.between(start, deadline);
    Duration used =
        working ? calendar.workingTimeBetween(start, now) : Duration.between(start, now);
    if (allowed.isZero()) {
      return used.isZero() ? 0 : ZERO_LIMIT_PASSED;
    }
    return Math.min(ZERO_LIMIT_PASSED, (double) used.toSeconds() / allowed.toSeconds());
  }
}
