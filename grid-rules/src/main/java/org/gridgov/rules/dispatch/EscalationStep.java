package org.gridgov.rules.dispatch;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridLevel;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.WorkCalendar;

/**
 * One answer of the {@link EscalationLadder}: what happens to a case at a level, and, when the
 * whistle is blown, which level blows it, who must report and within what time.
 *
 * @param from the level holding the case
 * @param action what happens
 * @param whistler the level that takes the case and blows the whistle; present only for {@link
 *     EscalationAction#WHISTLE}, and always above {@code from}
 * @param reporters who must report; {@link Reporter#NONE} unless the whistle is blown
 * @param reportWithin the time within which they must report; present only for a whistle
 * @param ruleId the id of the escalation-table rule that decided, empty when no rule matched
 * @param explanation one line for a person
 */
public record EscalationStep(
    GridLevel from,
    EscalationAction action,
    Optional<GridLevel> whistler,
    Reporter reporters,
    Optional<TimeLimit> reportWithin,
    String ruleId,
    String explanation) {
  /**
   * Validates the step.
   *
   * @param from the level holding the case
   * @param action the action
   * @param whistler the whistling level, for a whistle
   * @param reporters the reporters
   * @param reportWithin the reporting time, for a whistle
   * @param ruleId the rule id
   * @param explanation the explanation
   */
  public EscalationStep {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(whistler, "whistler");
    Objects.requireNonNull(reporters, "reporters");
    Objects.requireNonNull(reportWithin, "reportWithin");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(explanation, "explanation");
    boolean whistle = action == EscalationAction.WHISTLE;
    if (whistle != whistler.isPresent() || whistle != reportWithin.isPresent()) {
      throw new IllegalArgumentException(
          "a whistle, and only a whistle, names the whistling level and the reporting time");
    }
  }

  /**
   * Whether the step blows the whistle.
   *
   * @return true for {@link EscalationAction#WHISTLE}
   */
  public boolean isWhistle() {
    return action == EscalationAction.WHISTLE;
  }

  /**
   * The moment by which the reporters must report, for a whistle blown at a moment.
   *
   * @param calendar the working calendar
   * @param whistledAt when the whistle was blown
   * @return the reporting deadline, empty when no whistle is blown
   */
  public Optional<Instant> reportBy(WorkCalendar calendar, Instant whistledAt) {
    return reportWithin.map(t -> calendar.plus(whistledAt, t));
  }
}
