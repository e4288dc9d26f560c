package org.gridgov.rules.dispatch;

import java.time.Instant;
import java.util.Objects;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.WorkCalendar;

/**
 * Where a case goes and by when it must be handled, with the rule that said so.
 *
 * @param tier who handles the case
 * @param eventCentre whether the case goes through the event centre (事件中心) as a cross-boundary (三跨)
 *     or jointly handled case, rather than straight to the handler
 * @param timeLimit the item's time limit for the case (urgent or normal)
 * @param ruleId the id of the dispatch-table rule that decided
 * @param explanation one line for a person: the facts, the rule, its note and the outcome
 */
public record DispatchDecision(
    HandlerTier tier, boolean eventCentre, TimeLimit timeLimit, String ruleId, String explanation) {
  /**
   * Validates the decision.
   *
   * @param tier the tier
   * @param eventCentre whether through the event centre
   * @param timeLimit the time limit
   * @param ruleId the rule id
   * @param explanation the explanation
   */
  public DispatchDecision {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(timeLimit, "timeLimit");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(explanation, "explanation");
  }

  /**
   * The deadline of a case dispatched at a moment: the time limit counted on a working calendar.
   *
   * @param calendar the working calendar
   * @param dispatchedAt when the case was dispatched
   * @return the deadline
   */
  public Instant deadline(WorkCalendar calendar, Instant dispatchedAt) {
    return calendar.plus(dispatchedAt, timeLimit);
  }
}
