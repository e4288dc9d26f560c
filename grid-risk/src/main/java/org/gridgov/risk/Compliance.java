package org.gridgov.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.risk.RiskColour;

/**
 * Rolls the due rows of one date up into compliance rows per worker, grid, community and street
 * (docs/risk.md, "Compliance"). Package-private.
 */
final class Compliance {
  private Compliance() {}

  private record Key(ComplianceRow.UnitKind kind, String unit, RiskColour colour)
      implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = kind.compareTo(o.kind);
      if (c == 0) {
        c = unit.compareTo(o.unit);
      }
      return c != 0 ? c : colour.compareTo(o.colour);
    }
  }

  static ComplianceReport report(
      DueEngine.Pass pass,
      RiskControl control,
      LocalDate asOf,
      GridHierarchy hierarchy,
      Map<GridId, String> responsible) {
    long asOfDay = asOf.toEpochDay();
    Instant cutoff = asOf.plusDays(1).atStartOfDay(control.calendar().zone()).toInstant();
    TreeMap<Key, int[]> sums = new TreeMap<>();
    Map<GridId, String[]> above = new HashMap<>();
    for (int i = 0; i < pass.rows.size(); i++) {
      ElementDue row = pass.rows.get(i);
      List<Visit> visits = pass.visits.get(i);
      int unanswered = unanswered(visits, pass.plans.get(i), pass, asOfDay, cutoff);
      int overdue = row.status() == DueStatus.OVERDUE ? 1 : 0;
      Optional<String> worker;
      if (responsible != null) {
        worker = Optional.ofNullable(responsible.get(row.grid()));
      } else {
        worker =
            visits.isEmpty() ? Optional.empty() : Optional.of(visits.get(visits.size() - 1).by());
      }
      worker.ifPresent(
          w -> add(sums, ComplianceRow.UnitKind.WORKER, w, row.colour(), overdue, unanswered));
      add(sums, ComplianceRow.UnitKind.GRID, row.grid().value(), row.colour(), overdue, unanswered);
      String[] cs = above.computeIfAbsent(row.grid(), g -> ancestors(hierarchy, g));
      if (cs[0] != null) {
        add(sums, ComplianceRow.UnitKind.COMMUNITY, cs[0], row.colour(), overdue, unanswered);
      }
      if (cs[1] != null) {
        add(sums, ComplianceRow.UnitKind.STREET, cs[1], row.colour(), overdue, unanswered);
      }
    }
    List<ComplianceRow> rows = new ArrayList<>(sums.size());
    sums.forEach(
        (k, v) -> rows.add(new ComplianceRow(k.kind(), k.unit(), k.colour(), v[0], v[1], v[2])));
    return new ComplianceReport(asOf, rows);
  }

  private static void add(
      TreeMap<Key, int[]> sums,
      ComplianceRow.UnitKind kind,
      String unit,
      RiskColour colour,
      int overdue,
      int unanswered) {
    int[] v = sums.computeIfAbsent(new Key(kind, unit, colour), k -> new int[3]);
    v[0]++;
    v[1] += overdue;
    v[2] += unanswered;
  }

  /** The community and street a grid lies in (itself included), null where none. */
  private static String[] ancestors(GridHierarchy hierarchy, GridId grid) {
    String[] out = new String[2];
    if (!hierarchy.contains(grid)) {
      return out;
    }
    for (GridId g : hierarchy.path(grid)) {
      Optional<Grid> x = hierarchy.grid(g);
      if (x.isEmpty()) {
        continue;
      }
      GridLevel level = x.get().level();
      if (level.equals(GridLevel.COMMUNITY)) {
        out[0] = g.value();
      } else if (level.equals(GridLevel.STREET)) {
        out[1] = g.value();
      }
    }
    return out;
  }

  /**
   * Visits with findings whose feedback deadline (the plan's {@code feedbackWithin} after the
   * visit's local date) passed before the as-of date without feedback on or before the deadline;
   * without a deadline, findings from before the as-of date with no feedback by its end.
   */
  static int unanswered(
      List<Visit> visits, ControlPlan plan, DueEngine.Pass pass, long asOfDay, Instant cutoff) {
    int n = 0;
    for (Visit v : visits) {
      if (v.findings().isEmpty()) {
        continue;
      }
      long day = DueEngine.epochDay(v.at(), pass.rules);
      long deadline;
      if (plan.feedbackWithin().isPresent()) {
        Interval w = plan.feedbackWithin().get();
        deadline = pass.workingDays.after(day, w.unit(), w.amount());
        if (deadline >= asOfDay) {
          continue; // still within its deadline
        }
      } else {
        if (day >= asOfDay) {
          continue;
        }
        deadline = asOfDay;
      }
      boolean answered =
          v.feedbackAt().isPresent()
              && v.feedbackAt().get().isBefore(cutoff)
              && DueEngine.epochDay(v.feedbackAt().get(), pass.rules) <= deadline;
      if (!answered) {
        n++;
      }
    }
    return n;
  }
}
