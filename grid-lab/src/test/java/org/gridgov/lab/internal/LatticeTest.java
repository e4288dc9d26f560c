package org.gridgov.lab.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;

class LatticeTest {
  private static final GeometryFactory F = new GeometryFactory();

  /** A 4-connected set of cells of a 12×12 lattice, grown from the centre by random steps. */
  static Gen<int[]> connectedCells() {
    return Gens.lists(Gens.integers(0, 3), 0, 60)
        .map(
            steps -> {
              Lattice l = new Lattice(12, 12, 0, 0, 100, 0, 1);
              Set<Integer> cells = new HashSet<>();
              List<Integer> order = new ArrayList<>();
              int cur = l.cellAt(6, 6);
              cells.add(cur);
              order.add(cur);
              for (int i = 0; i < steps.size(); i++) {
                int from = order.get((i * 7) % order.size());
                int next = l.neighbour(from, steps.get(i));
                if (next >= 0 && cells.add(next)) {
                  order.add(next);
                }
              }
              return order.stream().mapToInt(Integer::intValue).toArray();
            });
  }

  @Property(tries = 200)
  void tracedPolygonIsValidAndHasTheCellsArea(@ForAll("connectedCells") int[] cells) {
    Lattice l = new Lattice(12, 12, 0, 0, 110_574, 0, 1); // one degree of latitude per cell
    Set<Integer> set = new HashSet<>();
    for (int c : cells) {
      set.add(c);
    }
    Polygon p = l.polygon(cells, set::contains, F);
    assertThat(new IsValidOp(p).isValid()).as(p.toText()).isTrue();
    double cellArea =
        (l.vertexLon(1, 0) - l.vertexLon(0, 0)) * (l.vertexLat(0, 1) - l.vertexLat(0, 0));
    assertThat(p.getArea())
        .isCloseTo(
            cells.length * cellArea,
            org.assertj.core.data.Offset.offset(1e-6 * cells.length * cellArea));
  }

  @Property(tries = 100)
  void jitteredPolygonIsStillValid(@ForAll("connectedCells") int[] cells) {
    Lattice l = new Lattice(12, 12, 117, 31, 120, 0.2, 99);
    Set<Integer> set = new HashSet<>();
    for (int c : cells) {
      set.add(c);
    }
    assertThat(new IsValidOp(l.polygon(cells, set::contains, F)).isValid()).isTrue();
  }

  @Test
  void aDiagonalPinchBecomesAHoleTouchingTheShellNotASelfTouchingRing() {
    Lattice l = new Lattice(3, 3, 0, 0, 100, 0, 1);
    // a ring of cells around the centre, closed only through a diagonal at the top-left corner
    int[] cells = {
      l.cellAt(0, 0),
      l.cellAt(1, 0),
      l.cellAt(2, 0),
      l.cellAt(2, 1),
      l.cellAt(2, 2),
      l.cellAt(1, 2),
      l.cellAt(0, 1)
    };
    Set<Integer> set = new HashSet<>();
    for (int c : cells) {
      set.add(c);
    }
    Polygon p = l.polygon(cells, set::contains, F);
    assertThat(new IsValidOp(p).isValid()).isTrue();
    assertThat(p.getNumInteriorRing()).isEqualTo(1);
  }

  @Test
  void disconnectedCellsAreRefused() {
    Lattice l = new Lattice(3, 3, 0, 0, 100, 0, 1);
    int[] cells = {l.cellAt(0, 0), l.cellAt(2, 2)};
    Set<Integer> set = Set.of(cells[0], cells[1]);
    assertThatThrownBy(() -> l.polygon(cells, set::contains, F))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("4-connected");
  }

  @Test
  void sharedVerticesAreIdentical() {
    Lattice l = new Lattice(5, 5, 117, 31, 120, 0.2, 3);
    assertThat(l.vertexLon(2, 3))
        .isEqualTo(new Lattice(5, 5, 117, 31, 120, 0.2, 3).vertexLon(2, 3));
    assertThat(l.vertexLon(2, 3))
        .isNotEqualTo(new Lattice(5, 5, 117, 31, 120, 0.2, 4).vertexLon(2, 3));
  }
}
