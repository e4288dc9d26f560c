package org.gridgov.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers a control plan's {@code onOverdue} (docs/risk.md, "Overdue actions") from the rows of a
 * due report: no second copy of the due rule, only the plan each row was computed against ({@link
 * DueEngine.Rule}'s table on the report's date). Package-private, stateless.
 */
final class OverdueActions {
  private OverdueActions() {}

  static ActionReport of(RiskControl control, DueReport due) {
    DueEngine.Rule rule = new DueEngine.Rule(control, due.asOf());
    List<FiredAction> out = new ArrayList<>();
    for (ElementDue row : due.rows()) {
      ControlPlan plan = rule.plan(row.type(), row.colour());
      if (plan == null || !plan.post().equals(row.post())) {
        throw new IllegalArgumentException(
            "element "
                + row.element()
                + ": the due report was not made by this control on "
                + due.asOf()
                + " (no plan for its type and colour with post "
                + row.post()
                + ")");
      }
      if (row.status() != DueStatus.OVERDUE) {
        continue;
      }
      for (OverdueAction a : plan.onOverdue()) {
        int fireAt = Math.max(a.afterDays(), 1); // afterDays 0: the first overdue day
        if (row.daysOverdue() >= fireAt) {
          out.add(
              new FiredAction(
                  row.element(),
                  row.grid(),
                  plan.post(),
                  a.kind(),
                  a.points(),
                  row.due().plusDays(fireAt),
                  row.daysOverdue()));
        }
      }
    }
    return new ActionReport(due.asOf(), out);
  }
}
