package org.gridgov.credit;

import java.util.Objects;
import org.gridgov.core.time.TimeLimit;

/**
 * The deadlines of an appeal (申诉) in a {@link CreditScheme}, on a working-time calendar: an appeal
 * must be filed within {@code fileWithin} after the entry it appeals, and should be decided within
 * {@code decideWithin} after it was filed (an appeal not decided in time is overdue and escalates;
 * it is not refused). Immutable.
 *
 * @param fileWithin the filing window, e.g. 5 working days
 * @param decideWithin the review deadline, e.g. 10 working days
 */
public record AppealWindows(TimeLimit fileWithin, TimeLimit decideWithin) {
  /** Checks the fields. */
  public AppealWindows {
    Objects.requireNonNull(fileWithin, "fileWithin");
    Objects.requireNonNull(decideWithin, "decideWithin");
  }
}
