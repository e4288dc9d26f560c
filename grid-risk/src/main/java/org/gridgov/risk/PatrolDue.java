package org.gridgov.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.gridgov.core.risk.RiskColour;

/**
 * The one per-element due computation the worker's day and its tests need: where an element stands
 * against its plan on a date (docs/risk.md, "Due dates"). Package-private.
 */
final class PatrolDue {
  private PatrolDue() {}

  /**
   * The element's due row on a date.
   *
   * @return empty when it has no colour or no plan is in force for its type and colour
   */
  static Optional<ElementDue> dueOn(RiskControl control, Element e, LocalDate date) {
    Optional<ColourMark> mark = control.register().colour(e.id(), date);
    if (mark.isEmpty()) {
      return Optional.empty();
    }
    RiskColour colour = mark.get().colour().orElseThrow();
    Optional<ControlPlan> plan = control.plans().planFor(e.type(), colour, date);
    if (plan.isEmpty()) {
      return Optional.empty();
    }
    ZoneId zone = control.calendar().zone();
    Instant endOfDay = date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    Optional<LocalDate> last =
        control.visits().lastAt(e.id(), endOfDay).map(v -> LocalDate.ofInstant(v.at(), zone));
    LocalDate from;
    if (last.isPresent()) {
      from = last.get();
    } else {
      LocalDate coloured = mark.get().from();
      from = coloured.isAfter(plan.get().from()) ? coloured : plan.get().from();
    }
    LocalDate due = plan.get().every().after(from, control.calendar());
    DueStatus status =
        date.isBefore(due) ? DueStatus.OK : date.equals(due) ? DueStatus.DUE : DueStatus.OVERDUE;
    int daysOverdue =
        status == DueStatus.OVERDUE ? (int) (date.toEpochDay() - due.toEpochDay()) : 0;
    return Optional.of(
        new ElementDue(
            e.id(), e.grid(), e.type(), colour, last, due, status, daysOverdue, plan.get().post()));
  }
}
