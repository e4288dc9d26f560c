package org.gridgov.org;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;

/** Hierarchies on the default ladder for the organisation tests. */
final class OrgTestGrids {
  private OrgTestGrids() {}

  /**
   * City C, district C-D1, street C-D1-S1, community C-D1-S1-C1, compounds ...-P1 (micro-grids
   * ...-P1-M1, ...-P1-M2) and ...-P2 (a leaf), and the exclusive grid C-D1-S1-X1 at compound level
   * owned by the street and covering the community.
   */
  static GridHierarchy small() {
    return build(new int[] {1, 1, 1, 2, 0}, true);
  }

  /**
   * A hierarchy from counts: districts under the city, streets per district, communities per
   * street, then per community the micro-grid counts of its compounds (0: a leaf compound).
   */
  static GridHierarchy build(int[] shape, boolean exclusive) {
    List<Grid> grids = new ArrayList<>();
    grids.add(Grid.territorial("C", GridLevel.CITY).build());
    for (int d = 1; d <= shape[0]; d++) {
      String dn = "C-D" + d;
      grids.add(Grid.territorial(dn, GridLevel.DISTRICT).parent("C").build());
      for (int s = 1; s <= shape[1]; s++) {
        String sn = dn + "-S" + s;
        grids.add(Grid.territorial(sn, GridLevel.STREET).parent(dn).build());
        for (int c = 1; c <= shape[2]; c++) {
          String cn = sn + "-C" + c;
          grids.add(Grid.territorial(cn, GridLevel.COMMUNITY).parent(sn).build());
          for (int p = 1; p < shape.length - 2; p++) {
            String pn = cn + "-P" + p;
            int micros = shape[2 + p];
            grids.add(
                Grid.territorial(pn, GridLevel.COMPOUND)
                    .parent(cn)
                    .households(micros == 0 ? 40 : 0)
                    .build());
            for (int m = 1; m <= micros; m++) {
              grids.add(
                  Grid.territorial(pn + "-M" + m, GridLevel.MICRO)
                      .parent(pn)
                      .households(30)
                      .build());
            }
          }
        }
        if (exclusive) {
          grids.add(
              Grid.exclusive(GridId.of(sn + "-X1"), GridLevel.COMPOUND, GridId.of(sn))
                  .coverage(List.of(GridId.of(sn + "-C1")))
                  .build());
        }
      }
    }
    return GridHierarchy.builder().addAll(grids).build();
  }

  /** Generated shapes: 1–2 districts, streets, communities; 1–3 compounds of 0–2 micro-grids. */
  static Gen<GridHierarchy> hierarchies() {
    Gen<int[]> shape =
        Gens.combine(
            Gens.lists(Gens.integers(1, 2), 3, 3),
            Gens.lists(Gens.integers(0, 2), 1, 3),
            Gens.booleans(),
            (top, compounds, x) -> {
              int[] s = new int[3 + compounds.size() + 1];
              s[0] = top.get(0);
              s[1] = top.get(1);
              s[2] = top.get(2);
              for (int i = 0; i < compounds.size(); i++) {
                s[3 + i] = compounds.get(i);
              }
              s[s.length - 1] = x ? 1 : 0;
              return s;
            });
    return shape.map(s -> build(java.util.Arrays.copyOf(s, s.length - 1), s[s.length - 1] == 1));
  }
}
