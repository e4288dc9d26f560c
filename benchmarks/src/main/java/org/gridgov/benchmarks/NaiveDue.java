package org.gridgov.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.risk.ColourMark;
import org.gridgov.risk.ControlPlan;
import org.gridgov.risk.DueReport;
import org.gridgov.risk.DueStatus;
import org.gridgov.risk.Element;
import org.gridgov.risk.ElementDue;
import org.gridgov.risk.RiskControl;
import org.gridgov.risk.Visit;

/**
 * The straightforward due computation, the baseline of {@link RiskDueBenchmark}: per element the
 * plan found by scanning the plan list, the last visit by scanning all its visits, and the due date
 * by walking day by day over the calendar ({@code Interval.after}), the colour and plan runs by
 * scanning. Same rule as the engine (docs/risk.md, "Due dates").
 */
final class NaiveDue {
  private NaiveDue() {}

  static DueReport due(RiskControl control, LocalDate asOf) {
    List<ElementDue> rows = new ArrayList<>();
    List<String> unplanned = new ArrayList<>();
    Instant cutoff = asOf.plusDays(1).atStartOfDay(control.calendar().zone()).toInstant();
    for (String id : control.register().ids()) {
      Optional<ColourMark> mark = control.register().colour(id, asOf);
      Optional<Element> element = control.register().element(id, asOf);
      if (mark.isEmpty() || element.isEmpty()) {
        continue;
      }
      Element e = element.get();
      Optional<ControlPlan> plan =
          control.plans().planFor(e.type(), mark.get().colour().get(), asOf);
      if (plan.isEmpty()) {
        unplanned.add(id);
        continue;
      }
      Visit last = null;
      for (Visit v : control.visits().visits(id)) {
        if (v.at().isBefore(cutoff) && (last == null || v.at().isAfter(last.at()))) {
          last = v;
        }
      }
      LocalDate start = colourRunStart(control.register().marks(id), asOf);
      LocalDate planStart = planRunStart(control.plans().plans(), plan.get());
      if (planStart.isAfter(start)) {
        start = planStart;
      }
      Optional<LocalDate> lastVisit = Optional.empty();
      if (last != null) {
        LocalDate d = LocalDate.ofInstant(last.at(), control.calendar().zone());
        lastVisit = Optional.of(d);
        if (d.isAfter(start)) {
          start = d;
        }
      }
      LocalDate due = plan.get().every().after(start, control.calendar());
      DueStatus status =
          due.isAfter(asOf) ? DueStatus.OK : due.isEqual(asOf) ? DueStatus.DUE : DueStatus.OVERDUE;
      int days = status == DueStatus.OVERDUE ? (int) (asOf.toEpochDay() - due.toEpochDay()) : 0;
      rows.add(
          new ElementDue(
              id,
              e.grid(),
              e.type(),
              mark.get().colour().get(),
              lastVisit,
              due,
              status,
              days,
              plan.get().post()));
    }
    return new DueReport(asOf, rows, unplanned);
  }

  /**
   * The first date of the unbroken run of marks in the colour of the mark in force on the date (a
   * mark of another colour or a clearing breaks it).
   */
  private static LocalDate colourRunStart(List<ColourMark> marks, LocalDate asOf) {
    int inForce = -1;
    for (int i = 0; i < marks.size(); i++) {
      if (!marks.get(i).from().isAfter(asOf)) {
        inForce = i;
      }
    }
    int first = inForce;
    while (first > 0 && marks.get(first - 1).colour().equals(marks.get(inForce).colour())) {
      first--;
    }
    return marks.get(first).from();
  }

  /** The first plan's {@code from} of the contiguous run of plans for a type × colour. */
  private static LocalDate planRunStart(List<ControlPlan> plans, ControlPlan inForce) {
    ControlPlan first = inForce;
    boolean found = true;
    while (found) {
      found = false;
      for (ControlPlan p : plans) {
        if (p.type() == first.type()
            && p.colour() == first.colour()
            && p.to().isPresent()
            && p.to().get().plusDays(1).equals(first.from())) {
          first = p;
          found = true;
          break;
        }
      }
    }
    return first.from();
  }
}
