package org.gridgov.core.time;

import java.util.Objects;

/**
 * The time limits of one item: normal and urgent (docs/domain.md §7: e.g. illegal construction,
 * stop work within 4 working hours).
 *
 * @param normal the usual limit
 * @param urgent the limit when the case is urgent
 */
public record TimeLimits(TimeLimit normal, TimeLimit urgent) {
  /**
   * Checks the fields.
   *
   * @param normal the usual limit
   * @param urgent the urgent limit
   */
  public TimeLimits {
    Objects.requireNonNull(normal, "normal");
    Objects.requireNonNull(urgent, "urgent");
  }

  /**
   * The same limit whether urgent or not.
   *
   * @param both the limit
   * @return the limits
   */
  public static TimeLimits of(TimeLimit both) {
    return new TimeLimits(both, both);
  }

  /**
   * The limit that applies.
   *
   * @param isUrgent whether the case is urgent
   * @return the urgent or normal limit
   */
  public TimeLimit forUrgency(boolean isUrgent) {
    return isUrgent ? urgent : normal;
  }
}
