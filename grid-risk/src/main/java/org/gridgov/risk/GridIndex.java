package org.gridgov.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.core.GridId;

/**
 * The register's element ids by grid, so a worker's day or a grid's sizing check reads the few
 * hundred elements of its grids instead of scanning a register of a million. An id is listed under
 * every grid any of its versions was in (an element that moved is listed twice; callers check the
 * version in force). Built once per {@link RiskControl}, on first use. Package-private, immutable.
 */
final class GridIndex {
  private static final String[] NONE = new String[0];

  private final Map<GridId, String[]> ids;

  private GridIndex(Map<GridId, String[]> ids) {
    this.ids = ids;
  }

  static GridIndex of(ElementRegister register) {
    Map<GridId, List<String>> m = new HashMap<>();
    for (String id : register.ids()) { // sorted, so every list is sorted too
      GridId last = null;
      for (ElementVersion v : register.versions(id)) {
        if (v.element().isEmpty()) {
          continue;
        }
        GridId g = v.element().get().grid();
        if (g.equals(last)) {
          continue;
        }
        List<String> l = m.computeIfAbsent(g, k -> new ArrayList<>());
        if (l.isEmpty() || !l.get(l.size() - 1).equals(id)) {
          l.add(id);
        }
        last = g;
      }
    }
    Map<GridId, String[]> out = new HashMap<>(m.size() * 2);
    m.forEach((g, l) -> out.put(g, l.toArray(NONE)));
    return new GridIndex(out);
  }

  /** The ids ever registered in a grid, sorted (do not modify the array). */
  String[] ids(GridId grid) {
    return ids.getOrDefault(grid, NONE);
  }
}
