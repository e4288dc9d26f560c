package org.gridgov.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;

/**
 * Plans a worker's day (docs/risk.md, "The worker's day"): the elements due or overdue on the date
 * in the worker's grids, found through the register's grid index, routed by {@link WalkRoute}.
 * Package-private.
 */
final class PatrolPlanner {
  private PatrolPlanner() {}

  static PatrolDay day(
      RiskControl control,
      String worker,
      Set<GridId> grids,
      LocalDate date,
      PatrolOptions options) {
    List<ElementDue> due = dueIn(control, grids, date);
    List<ElementDue> placed = new ArrayList<>();
    List<GeoPoint> points = new ArrayList<>();
    List<String> unplaced = new ArrayList<>();
    for (ElementDue d : due) {
      Optional<GeoPoint> at = control.register().element(d.element(), date).get().position();
      if (at.isPresent()) {
        placed.add(d);
        points.add(at.get());
      } else {
        unplaced.add(d.element());
      }
    }
    WalkRoute route = WalkRoute.plan(points, options.start());
    List<PatrolStop> stops = new ArrayList<>(placed.size());
    double minute = 0;
    double metres = 0;
    for (int k = 0; k < route.order.length; k++) {
      ElementDue d = placed.get(route.order[k]);
      double leg = route.legs[k];
      metres += leg;
      minute += (k == 0 ? 0 : options.visitMinutes()) + leg / options.metresPerMinute();
      stops.add(
          new PatrolStop(
              d.element(),
              d.grid(),
              d.colour(),
              d.status(),
              points.get(route.order[k]),
              leg,
              minute));
    }
    double minutes = metres / options.metresPerMinute() + stops.size() * options.visitMinutes();
    return new PatrolDay(worker, date, stops, metres, minutes, unplaced);
  }

  /**
   * The due and overdue rows of the elements in force in the grids on the date, by element id.
   * Reads only the grids' elements (the register's grid index), never the whole register.
   */
  static List<ElementDue> dueIn(RiskControl control, Set<GridId> grids, LocalDate date) {
    DueEngine.Rule rule = new DueEngine.Rule(control, date);
    HashSet<String> seen = new HashSet<>();
    List<ElementDue> out = new ArrayList<>();
    for (GridId g : grids) {
      for (String id : control.gridIndex().ids(g)) {
        if (!seen.add(id)) {
          continue;
        }
        Optional<Element> e = control.register().element(id, date);
        if (e.isEmpty() || !grids.contains(e.get().grid())) {
          continue;
        }
        Optional<ElementDue> d = rule.row(e.get());
        if (d.isPresent() && d.get().status() != DueStatus.OK) {
          out.add(d.get());
        }
      }
    }
    out.sort((a, b) -> a.element().compareTo(b.element()));
    return out;
  }

  /** Where one element stands on the date: the due engine's rule (for tests). */
  static Optional<ElementDue> dueOn(RiskControl control, Element e, LocalDate date) {
    return new DueEngine.Rule(control, date).row(e);
  }
}
