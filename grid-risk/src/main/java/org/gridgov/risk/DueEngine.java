package org.gridgov.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;

/**
 * Computes due dates and statuses (docs/risk.md, "Due dates") and visit compliance ("Compliance").
 * One pass over the register in id order; the plan in force for every type × colour is looked up
 * once, working days come from a prefix count over the calendar ({@link WorkingDays}) and an
 * element's last visit is found by binary search in its time-ordered visits. Package-private.
 */
final class DueEngine {
  private static final int TYPES = ElementType.values().length;
  private static final int COLOURS = RiskColour.values().length;

  private DueEngine() {}

  static DueReport due(RiskControl control, LocalDate asOf) {
    Pass pass = new Pass(control, asOf, false);
    return new DueReport(asOf, pass.rows, pass.unplanned);
  }

  static ComplianceReport compliance(RiskControl control, LocalDate asOf, GridHierarchy hierarchy) {
    return Compliance.report(new Pass(control, asOf, true), control, asOf, hierarchy, null);
  }

  static ComplianceReport compliance(
      RiskControl control,
      LocalDate asOf,
      GridHierarchy hierarchy,
      java.util.Map<GridId, String> responsible) {
    return Compliance.report(new Pass(control, asOf, true), control, asOf, hierarchy, responsible);
  }

  /** The epoch day of an instant in a zone, without allocating. */
  static long epochDay(Instant t, ZoneRules rules) {
    long local = t.getEpochSecond() + rules.getOffset(t).getTotalSeconds();
    return Math.floorDiv(local, 86_400L);
  }

  /**
   * The index of the last visit strictly before {@code cutoff} in a time-ordered list, -1 when
   * none.
   */
  static int lastBefore(List<Visit> visits, Instant cutoff) {
    int lo = 0;
    int hi = visits.size(); // answer in [lo - 1, hi - 1]
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (visits.get(mid).at().isBefore(cutoff)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  /**
   * The due rule on one date, set up once (docs/risk.md, "Due dates"): the plan in force for every
   * type × colour, the working days and the visit cut-off. {@link Pass} applies it to every element
   * of the register; the worker's day ({@code PatrolPlanner}) to the few elements of a worker's
   * grids. Immutable and thread-safe.
   */
  static final class Rule {
    final ElementRegister register;
    final VisitLog log;
    final ZoneRules rules;
    final WorkingDays workingDays;
    final ControlPlan[] table = new ControlPlan[TYPES * COLOURS];
    final Instant cutoff;
    final long asOfDay;

    Rule(RiskControl control, LocalDate asOf) {
      register = control.register();
      log = control.visits();
      ZoneId zone = control.calendar().zone();
      rules = zone.getRules();
      workingDays = WorkingDays.of(control.calendar());
      for (ElementType t : ElementType.values()) {
        for (RiskColour c : RiskColour.values()) {
          int k = t.ordinal() * COLOURS + c.ordinal();
          Optional<ControlPlan> p = control.plans().planFor(t, c, asOf);
          if (p.isPresent()) {
            table[k] = p.get();
          }
        }
      }
      cutoff = asOf.plusDays(1).atStartOfDay(zone).toInstant();
      asOfDay = asOf.toEpochDay();
    }

    /** The plan in force for an element's type and a colour, null when none. */
    ControlPlan plan(Element e, RiskColour colour) {
      return table[e.type().ordinal() * COLOURS + colour.ordinal()];
    }

    /**
     * One element's row.
     *
     * @param e the element in force on the date
     * @param mark its colour mark in force on the date (with a colour)
     * @param plan {@link #plan} for it, not null
     * @param vs its visits, time-ordered
     * @param last the index of its last visit up to the date ({@link #lastBefore} with {@link
     *     #cutoff}), -1 when none
     */
    ElementDue row(Element e, ColourMark mark, ControlPlan plan, List<Visit> vs, int last) {
      RiskColour colour = mark.colour().get();
      // The clock starts at the later of the last visit, the colour mark and the plan's start
      // (docs/risk.md, "Due dates"): a visit made before the element wore this colour, or before
      // this plan was in force, does not make it overdue sooner than never visiting it would.
      long start = Math.max(mark.from().toEpochDay(), plan.from().toEpochDay());
      Optional<LocalDate> lastVisit = Optional.empty();
      if (last >= 0) {
        long visited = epochDay(vs.get(last).at(), rules);
        lastVisit = Optional.of(LocalDate.ofEpochDay(visited));
        start = Math.max(start, visited);
      }
      Interval every = plan.every();
      long due = workingDays.after(start, every.unit(), every.amount());
      DueStatus status;
      int daysOverdue = 0;
      if (due > asOfDay) {
        status = DueStatus.OK;
      } else if (due == asOfDay) {
        status = DueStatus.DUE;
      } else {
        status = DueStatus.OVERDUE;
        daysOverdue = Math.toIntExact(asOfDay - due);
      }
      return new ElementDue(
          e.id(),
          e.grid(),
          e.type(),
          colour,
          lastVisit,
          LocalDate.ofEpochDay(due),
          status,
          daysOverdue,
          plan.post());
    }

    /**
     * One element's row on the date, for a caller that reads a few elements.
     *
     * @param e the element in force on the date
     * @return the row; empty when the element has no colour or no plan is in force for it
     */
    Optional<ElementDue> row(Element e) {
      Optional<ColourMark> mark = register.colour(e.id(), LocalDate.ofEpochDay(asOfDay));
      if (mark.isEmpty()) {
        return Optional.empty();
      }
      ControlPlan plan = plan(e, mark.get().colour().get());
      if (plan == null) {
        return Optional.empty();
      }
      List<Visit> vs = log.visits(e.id());
      return Optional.of(row(e, mark.get(), plan, vs, lastBefore(vs, cutoff)));
    }
  }

  /** The rows of one date, with each row's plan and last visit when compliance needs them. */
  static final class Pass {
    final List<ElementDue> rows = new ArrayList<>();
    final List<String> unplanned = new ArrayList<>();

    /** Per row (compliance only): the plan in force and the visits up to the as-of date. */
    final List<ControlPlan> plans;

    final List<List<Visit>> visits;
    final ZoneRules rules;
    final WorkingDays workingDays;

    Pass(RiskControl control, LocalDate asOf, boolean keep) {
      Rule rule = new Rule(control, asOf);
      ElementRegister register = rule.register;
      VisitLog log = rule.log;
      rules = rule.rules;
      workingDays = rule.workingDays;
      plans = keep ? new ArrayList<>() : null;
      visits = keep ? new ArrayList<>() : null;
      for (String id : register.ids()) {
        Optional<ColourMark> mark = register.colour(id, asOf);
        if (mark.isEmpty()) {
          continue;
        }
        Optional<Element> element = register.element(id, asOf);
        if (element.isEmpty()) {
          continue; // retired on the date: nothing to visit
        }
        Element e = element.get();
        ControlPlan plan = rule.plan(e, mark.get().colour().get());
        if (plan == null) {
          unplanned.add(id);
          continue;
        }
        List<Visit> vs = log.visits(id);
        int last = lastBefore(vs, rule.cutoff);
        rows.add(rule.row(e, mark.get(), plan, vs, last));
        if (keep) {
          plans.add(plan);
          visits.add(vs.subList(0, last + 1));
        }
      }
    }
  }
}
