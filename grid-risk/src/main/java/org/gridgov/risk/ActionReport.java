package org.gridgov.risk;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gridgov.core.GridId;

/**
 * The overdue actions that have fired on a date ({@link RiskControl#overdueActions(LocalDate)}):
 * for every overdue element, in element id order, the actions of its plan whose day has come, in
 * plan order (docs/risk.md, "Overdue actions"). A snapshot: a visit that ends an element's overdue
 * stretch clears its actions from later reports; {@link #firedToday()} are the ones that are new on
 * the date.
 *
 * @param asOf the date
 * @param actions the fired actions, by element id, then in plan order
 */
public record ActionReport(LocalDate asOf, List<FiredAction> actions) {
  /**
   * Checks and copies the fields.
   *
   * @param asOf the date
   * @param actions the actions
   */
  public ActionReport {
    Objects.requireNonNull(asOf, "asOf");
    actions = List.copyOf(actions);
  }

  /** The actions that fired on the report's date itself (new that day), in report order. */
  public List<FiredAction> firedToday() {
    return actions.stream().filter(a -> a.firedOn().equals(asOf)).toList();
  }

  /** The points deducted by every fired deduction. */
  public double pointsDeducted() {
    double sum = 0;
    for (FiredAction a : actions) {
      sum += a.points();
    }
    return sum;
  }

  /**
   * The points deducted per grid, for grids with at least one fired deduction, sorted by grid id.
   *
   * @return an unmodifiable sorted map
   */
  public SortedMap<GridId, Double> deductedByGrid() {
    TreeMap<GridId, Double> out = new TreeMap<>();
    for (FiredAction a : actions) {
      if (a.points() > 0) {
        out.merge(a.grid(), a.points(), Double::sum);
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The points deducted per grid worker: each grid's deductions booked to the worker responsible
   * for the grid (网格员); deductions in grids the map leaves out are booked to nobody.
   *
   * @param responsible the worker responsible for each grid
   * @return an unmodifiable map sorted by worker id, workers with a fired deduction only
   */
  public SortedMap<String, Double> deductedByWorker(Map<GridId, String> responsible) {
    Objects.requireNonNull(responsible, "responsible");
    TreeMap<String, Double> out = new TreeMap<>();
    deductedByGrid()
        .forEach(
            (grid, points) -> {
              String worker = responsible.get(grid);
              if (worker != null) {
                out.merge(worker, points, Double::sum);
              }
            });
    return Collections.unmodifiableSortedMap(out);
  }
}
