package org.gridgov.geo.internal.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

class EdgeChainTest {
  private static final GeometryFactory F = new GeometryFactory();

  @Test
  void twoTrianglesTileTheirSquare() {
    assertThat(tiles(poly(0, 0, 1, 0, 1, 1, 0, 1), poly(0, 0, 1, 0, 1, 1), poly(0, 0, 1, 1, 0, 1)))
        .isTrue();
  }

  @Test
  void windingAndStartingVertexDoNotMatter() {
    Polygon a = poly(1, 0, 1, 1, 0, 0); // clockwise, other start
    Polygon b = poly(0, 0, 1, 1, 0, 1).reverse();

    assertThat(tiles(poly(0, 1, 0, 0, 1, 0, 1, 1), a, b)).isTrue();
  }

  @Test
  void aDonutSplitInTwoUShapes() {
    Polygon parent =
        F.createPolygon(
            ring(0, 0, 1.5, 0, 3, 0, 3, 3, 1.5, 3, 0, 3),
            new LinearRing[] {ring(1, 1, 1.5, 1, 2, 1, 2, 2, 1.5, 2, 1, 2)});
    Polygon left = poly(0, 0, 1.5, 0, 1.5, 1, 1, 1, 1, 2, 1.5, 2, 1.5, 3, 0, 3);
    Polygon right = poly(1.5, 0, 3, 0, 3, 3, 1.5, 3, 1.5, 2, 2, 2, 2, 1, 1.5, 1);

    assertThat(tiles(parent, left, right)).isTrue();
    assertThat(tiles(parent, left)).isFalse();
    assertThat(
            tiles(
                parent.getExteriorRing().getFactory().createPolygon(parent.getExteriorRing()),
                left,
                right))
        .isFalse();
  }

  @Test
  void aMultiPolygonParent() {
    Geometry parent =
        F.createMultiPolygon(
            new Polygon[] {poly(0, 0, 1, 0, 1, 1, 0, 1), poly(5, 5, 6, 5, 6, 6, 5, 6)});

    assertThat(tiles(parent, poly(0, 0, 1, 0, 1, 1, 0, 1), poly(5, 5, 6, 5, 6, 6, 5, 6))).isTrue();
  }

  @Test
  void doesNotCancelWhenBordersHaveDifferentVerticesOrShapesOverlap() {
    Polygon square = poly(0, 0, 2, 0, 2, 1, 0, 1);

    // An extra vertex on the parent's straight bottom edge in the children only (a T-junction).
    assertThat(tiles(square, poly(0, 0, 1, 0, 1, 1, 0, 1), poly(1, 0, 2, 0, 2, 1, 1, 1))).isFalse();
    // The same child twice covers the parent twice.
    assertThat(tiles(square, square, square)).isFalse();
    assertThat(tiles(square, square)).isTrue();
  }

  @Test
  void clearForgetsEverything() {
    EdgeChain chain = new EdgeChain();
    chain.add(poly(0, 0, 1, 0, 1, 1), 1);
    chain.clear();

    assertThat(chain.isZero()).isTrue();
    chain.add(poly(0, 0, 1, 0, 1, 1), -1);
    assertThat(chain.isZero()).isFalse();
  }

  /** A square cut into strips and each strip into cells, the square's ring holding every cut. */
  @Property(tries = 200)
  void gridsOfCellsTileTheirOutline(@ForAll("cuts") int[] cuts) {
    int cols = cuts[0];
    int rows = cuts[1];
    List<Polygon> cells = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      for (int r = 0; r < rows; r++) {
        Polygon cell = poly(c, r, c + 1, r, c + 1, r + 1, c, r + 1);
        cells.add((c + r) % 2 == 0 ? cell : cell.reverse());
      }
    }
    List<Double> outline = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      outline.add((double) c);
      outline.add(0.0);
    }
    for (int r = 0; r < rows; r++) {
      outline.add((double) cols);
      outline.add((double) r);
    }
    for (int c = cols; c > 0; c--) {
      outline.add((double) c);
      outline.add((double) rows);
    }
    for (int r = rows; r > 0; r--) {
      outline.add(0.0);
      outline.add((double) r);
    }
    Polygon parent = poly(outline.stream().mapToDouble(Double::doubleValue).toArray());

    EdgeChain chain = new EdgeChain();
    chain.add(parent, -1);
    cells.forEach(cell -> chain.add(cell, 1));
    assertThat(chain.isZero()).isTrue();
    chain.add(cells.get(cuts[2] % cells.size()), 1);
    assertThat(chain.isZero()).isFalse();
  }

  Gen<int[]> cuts() {
    return src -> new int[] {src.ints(1, 12), src.ints(1, 12), src.ints(0, 1000)};
  }

  private static boolean tiles(Geometry parent, Geometry... children) {
    EdgeChain chain = new EdgeChain();
    chain.add(parent, -1);
    for (Geometry c : children) {
      chain.add(c, 1);
    }
    return chain.isZero();
  }

  private static Polygon poly(double... xy) {
    return F.createPolygon(ring(xy));
  }

  private static LinearRing ring(double... xy) {
    Coordinate[] cs = new Coordinate[xy.length / 2 + 1];
    for (int i = 0; i < xy.length / 2; i++) {
      cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
    }
    cs[cs.length - 1] = cs[0].copy();
    return F.createLinearRing(cs);
  }
}
