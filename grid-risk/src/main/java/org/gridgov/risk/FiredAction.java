package org.gridgov.risk;

import java.time.LocalDate;
import java.util.Objects;
import org.gridgov.core.GridId;

/**
 * One overdue action that has fired for an overdue element on a date ({@link
 * RiskControl#overdueActions(LocalDate)}): the plan's post is urged, the case escalated, or points
 * deducted. An action with {@code afterDays} N fires on the day the element is {@code max(N, 1)}
 * days overdue, i.e. on its due date + {@code max(N, 1)} (docs/risk.md, "Overdue actions").
 *
 * @param element the element id
 * @param grid its grid
 * @param post the responsible post of the plan in force (who is urged, whose case is escalated, who
 *     loses the points)
 * @param kind urge, escalate or deduct
 * @param points the points deducted ({@link OverdueAction.Kind#DEDUCT} only, else 0)
 * @param firedOn the date the action fired (due date + {@code max(afterDays, 1)})
 * @param daysOverdue the element's days overdue on the report's date (at least 1)
 */
public record FiredAction(
    String element,
    GridId grid,
    String post,
    OverdueAction.Kind kind,
    double points,
    LocalDate firedOn,
    int daysOverdue) {
  /**
   * Checks the fields.
   *
   * @param element the element id
   * @param grid the grid
   * @param post the post
   * @param kind the kind
   * @param points the points
   * @param firedOn the date it fired
   * @param daysOverdue days overdue
   */
  public FiredAction {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(firedOn, "firedOn");
    if (kind == OverdueAction.Kind.DEDUCT ? !(points > 0) : points != 0) {
      throw new IllegalArgumentException(
          "element " + element + ": " + kind + " with " + points + " points");
    }
    if (daysOverdue < 1) {
      throw new IllegalArgumentException(
          "element " + element + ": an action fired " + daysOverdue + " days overdue");
    }
  }

  /**
   * The action's name in the plans format and {@code gridgov risk due}: {@code urge}, {@code
   * escalate} or {@code deduct}.
   */
  public String kindName() {
    return RiskNames.action(kind);
  }
}
