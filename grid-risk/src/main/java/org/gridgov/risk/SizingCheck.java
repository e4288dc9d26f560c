package org.gridgov.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;

/**
 * The sizing check (docs/risk.md, "Sizing"): a route over every household of a grid, timed against
 * the limit. Package-private.
 */
final class SizingCheck {
  private SizingCheck() {}

  static SizingReport check(
      RiskControl control, LocalDate asOf, Set<GridId> grids, SizingOptions options) {
    List<GridSizing> rows = new ArrayList<>();
    for (GridId g : new java.util.TreeSet<>(grids)) {
      rows.add(grid(control, g, asOf, options));
    }
    return new SizingReport(asOf, options, rows);
  }

  static GridSizing grid(RiskControl control, GridId grid, LocalDate asOf, SizingOptions options) {
    Map<String, double[]> households = households(control, grid, asOf);
    List<GeoPoint> points = new ArrayList<>();
    int unplaced = 0;
    for (double[] h : households.values()) {
      if (h[2] == 0) {
        unplaced++;
      } else {
        points.add(GeoPoint.of(h[0] / h[2], h[1] / h[2]));
      }
    }
    double metres = WalkRoute.plan(points, Optional.empty()).metres();
    double minutes =
        metres / options.metresPerMinute() + households.size() * options.minutesPerHousehold();
    return new GridSizing(
        grid, households.size(), unplaced, metres, minutes, options.limitMinutes());
  }

  /**
   * The grid's households on the date, by household id: {lon sum, lat sum, positioned persons}. A
   * person without a {@code household} attribute is a household of one, keyed by the person's id.
   */
  static Map<String, double[]> households(RiskControl control, GridId grid, LocalDate asOf) {
    Map<String, double[]> out = new TreeMap<>();
    for (String id : control.gridIndex().ids(grid)) {
      Optional<Element> e = control.register().element(id, asOf);
      if (e.isEmpty() || e.get().type() != ElementType.PEOPLE || !e.get().grid().equals(grid)) {
        continue;
      }
      String key =
          e.get().attribute(ElementAttributes.HOUSEHOLD).map(h -> "h:" + h).orElse("p:" + id);
      double[] acc = out.computeIfAbsent(key, k -> new double[3]);
      if (e.get().position().isPresent()) {
        acc[0] += e.get().position().get().lon();
        acc[1] += e.get().position().get().lat();
        acc[2]++;
      }
    }
    return out;
  }
}
