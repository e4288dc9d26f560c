package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.geo.MapBuilder.box;
import static org.gridgov.geo.MapBuilder.linear;
import static org.gridgov.geo.MapBuilder.ring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.fixtures.SyntheticCity;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Behaviour of {@link GridLocator} on small hand-made maps, clean and messy. */
class GridLocatorTest {
  private static final double X = 113.60;
  private static final double Y = 34.70;
  private static final double S = 0.01; // a unit of the test maps, about 1 km

  private static Polygon cell(double x0, double y0, double x1, double y1) {
    return box(X + x0 * S, Y + y0 * S, X + x1 * S, Y + y1 * S);
  }

  private static Location at(GridLocator locator, double x, double y) {
    return locator.locate(X + x * S, Y + y * S).orElseThrow();
  }

  private static String leaf(GridLocator locator, double x, double y) {
    return locator.locate(X + x * S, Y + y * S).map(l -> l.leaf().value()).orElse("-");
  }

  // ------------------------------------------------------------------ boundary rule

  @Test
  void aPointOnASharedEdgeOrVertexGoesToTheSmallestId() {
    GridLocator locator =
        new MapBuilder()
            .grid("R", GridLevel.STREET, null, cell(0, 0, 2, 2))
            .grid("R-d", GridLevel.COMMUNITY, "R", cell(0, 0, 1, 1))
            .grid("R-b", GridLevel.COMMUNITY, "R", cell(1, 0, 2, 1))
            .grid("R-c", GridLevel.COMMUNITY, "R", cell(0, 1, 1, 2))
            .grid("R-a", GridLevel.COMMUNITY, "R", cell(1, 1, 2, 2))
            .locator();
    assertThat(leaf(locator, 0.5, 0.5)).isEqualTo("R-d");
    assertThat(leaf(locator, 1, 0.5)).isEqualTo("R-b"); // d | b
    assertThat(leaf(locator, 0.5, 1)).isEqualTo("R-c"); // d | c
    assertThat(leaf(locator, 1, 1.5)).isEqualTo("R-a"); // c | a
    assertThat(leaf(locator, 1, 1)).isEqualTo("R-a"); // all four meet
    assertThat(at(locator, 1, 1).path()).containsExactly(GridId.of("R"), GridId.of("R-a"));
    // The outer edge is inside; beyond it is nothing.
    assertThat(leaf(locator, 0, 0.5)).isEqualTo("R-d");
    assertThat(leaf(locator, 2, 2)).isEqualTo("R-a");
    assertThat(leaf(locator, 2.0001, 1)).isEqualTo("-");
    assertThat(leaf(locator, -0.0001, 1)).isEqualTo("-");
  }

  @Test
  void aDeeperGridWinsOverItsParentAndAParentAnswersInAGapBetweenItsChildren() {
    GridLocator locator =
        new MapBuilder()
            .grid("P", GridLevel.STREET, null, cell(0, 0, 3, 1))
            .grid("P1", GridLevel.COMMUNITY, "P", cell(0, 0, 1, 1))
            .grid("P2", GridLevel.COMMUNITY, "P", cell(1.2, 0, 3, 1))
            .grid("P21", GridLevel.COMPOUND, "P2", cell(2, 0, 3, 1))
            .locator();
    assertThat(leaf(locator, 0.5, 0.5)).isEqualTo("P1");
    assertThat(leaf(locator, 1.1, 0.5)).isEqualTo("P"); // the gap
    assertThat(leaf(locator, 1.5, 0.5)).isEqualTo("P2"); // P2 has no child here
    assertThat(leaf(locator, 2.5, 0.5)).isEqualTo("P21");
    assertThat(leaf(locator, 2, 0.5)).isEqualTo("P21"); // P2 | P21 border: the deeper grid
    assertThat(at(locator, 2.5, 0.5).path())
        .containsExactly(GridId.of("P"), GridId.of("P2"), GridId.of("P21"));
  }

  @Test
  void overlappingSiblingsResolveToTheSmallestId() {
    GridLocator locator =
        new MapBuilder()
            .grid("Q", GridLevel.STREET, null, null)
            .grid("Q2", GridLevel.COMMUNITY, "Q", cell(0, 0, 1.2, 1))
            .grid("Q1", GridLevel.COMMUNITY, "Q", cell(1, 0, 2, 1))
            .locator();
    assertThat(leaf(locator, 1.1, 0.5)).isEqualTo("Q1");
    assertThat(leaf(locator, 0.5, 0.5)).isEqualTo("Q2");
    // Q has no polygon: the path still starts at the root.
    assertThat(at(locator, 0.5, 0.5).path()).containsExactly(GridId.of("Q"), GridId.of("Q2"));
  }

  @Test
  void holesAreOutsideButTheirBoundaryIsInside() {
    Polygon withHole =
        MapBuilder.FACTORY.createPolygon(
            linear(X, Y, X + 3 * S, Y, X + 3 * S, Y + 3 * S, X, Y + 3 * S),
            new LinearRing[] {
              linear(X + S, Y + S, X + 2 * S, Y + S, X + 2 * S, Y + 2 * S, X + S, Y + 2 * S)
            });
    GridLocator locator = new MapBuilder().grid("H", GridLevel.STREET, null, withHole).locator();
    assertThat(leaf(locator, 0.5, 0.5)).isEqualTo("H");
    assertThat(leaf(locator, 1.5, 1.5)).isEqualTo("-");
    assertThat(leaf(locator, 1, 1.5)).isEqualTo("H");
    assertThat(leaf(locator, 2, 2)).isEqualTo("H");
  }

  // ------------------------------------------------------------------ messy maps vs the oracle

  @Test
  void messyMapsAgreeWithTheOracleEverywhere() {
    // Invalid polygons are used as drawn: a bow-tie, a ring touching itself, a spike, a
    // multipolygon
    // with overlapping parts, a collapsed ring, overlaps and gaps between siblings.
    Geometry bowTie = ring(X, Y, X + 2 * S, Y + 2 * S, X + 2 * S, Y, X, Y + 2 * S);
    Geometry selfTouching =
        ring(
            X + 3 * S, Y, X + 5 * S, Y, X + 4 * S, Y + S, X + 5 * S, Y + 2 * S, X + 3 * S,
            Y + 2 * S, X + 4 * S, Y + S);
    Geometry spike =
        ring(
            X,
            Y + 3 * S,
            X + 2 * S,
            Y + 3 * S,
            X + 2 * S,
            Y + 4 * S,
            X + 3 * S,
            Y + 4.5 * S,
            X + 2 * S,
            Y + 4 * S,
            X,
            Y + 4 * S);
    Geometry multi =
        MapBuilder.FACTORY.createMultiPolygon(
            new Polygon[] {cell(3, 3, 5, 5), cell(4, 4, 6, 6), cell(7, 0, 8, 1)});
    Geometry collapsed = ring(X + 6 * S, Y + S, X + 6 * S, Y + S, X + 6 * S, Y + S);
    MapBuilder m =
        new MapBuilder()
            .grid("Z", GridLevel.STREET, null, cell(-1, -1, 9, 7))
            .grid("Z-bow", GridLevel.COMMUNITY, "Z", bowTie)
            .grid("Z-eight", GridLevel.COMMUNITY, "Z", selfTouching)
            .grid("Z-spike", GridLevel.COMMUNITY, "Z", spike)
            .grid("Z-multi", GridLevel.COMMUNITY, "Z", multi)
            .grid("Z-dot", GridLevel.COMMUNITY, "Z", collapsed)
            .grid("Z-over", GridLevel.COMMUNITY, "Z", cell(1, 1, 3.5, 3.5))
            .grid("Z-over-1", GridLevel.COMPOUND, "Z-over", cell(1.5, 1.5, 4.5, 2.5));
    GridHierarchy h = m.hierarchy();
    GridLocator locator = GridLocator.build(h, m.polygons());
    CoversOracle oracle = new CoversOracle(h, m.polygons());
    List<double[]> probes = new ArrayList<>();
    for (Geometry g : m.polygons().values()) {
      Coordinate[] cs = g.getCoordinates();
      for (int i = 0; i < cs.length; i++) {
        probes.add(new double[] {cs[i].x, cs[i].y});
        if (i + 1 < cs.length) {
          probes.add(new double[] {(cs[i].x + cs[i + 1].x) / 2, (cs[i].y + cs[i + 1].y) / 2});
          probes.add(
              new double[] {(3 * cs[i].x + cs[i + 1].x) / 4, (3 * cs[i].y + cs[i + 1].y) / 4});
        }
      }
    }
    Random rnd = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      probes.add(
          new double[] {
            X + (rnd.nextDouble() * 11 - 1.5) * S, Y + (rnd.nextDouble() * 9 - 1.5) * S
          });
    }
    // Points on a fine lattice hit vertices, edges and crossings of the bow-tie exactly.
    for (int i = -8; i <= 72; i++) {
      for (int j = -8; j <= 56; j++) {
        probes.add(new double[] {X + i * S / 8, Y + j * S / 8});
      }
    }
    for (double[] p : probes) {
      assertThat(locator.locateLeaf(p[0], p[1]))
          .as("point %s %s", p[0], p[1])
          .isEqualTo(oracle.leaf(p[0], p[1]));
    }
    assertThat(leaf(locator, 6, 1)).isEqualTo("Z-dot"); // a collapsed ring answers by its point
  }

  @Test
  void overlappingExclusiveGridsAreAllReportedInIdOrder() {
    GridLocator locator =
        new MapBuilder()
            .grid("E", GridLevel.STREET, null, cell(0, 0, 4, 4))
            .exclusive("E-x2", GridLevel.COMMUNITY, "E", cell(1, 1, 3, 3))
            .exclusive("E-x1", GridLevel.COMMUNITY, "E", cell(2, 2, 5, 5))
            .locator();
    assertThat(at(locator, 2.5, 2.5).exclusive())
        .containsExactly(GridId.of("E-x1"), GridId.of("E-x2"));
    assertThat(at(locator, 1.5, 1.5).exclusive()).containsExactly(GridId.of("E-x2"));
    assertThat(at(locator, 3, 3).exclusive()).containsExactly(GridId.of("E-x1"), GridId.of("E-x2"));
    assertThat(at(locator, 0.5, 0.5).exclusive()).isEmpty();
    // An exclusive grid outside every territorial grid does not make a location.
    assertThat(locator.locate(X + 4.5 * S, Y + 4.5 * S)).isEmpty();
    assertThat(locator.exclusiveAt(X + 4.5 * S, Y + 4.5 * S)).containsExactly(GridId.of("E-x1"));
    int[] out = new int[1];
    assertThat(locator.exclusiveAt(X + 2.5 * S, Y + 2.5 * S, out)).isEqualTo(2);
  }

  // ------------------------------------------------------------------ nearest

  @Test
  void positionsJustOutsideSnapToTheNearestLeafAndSayHowFar() {
    GridLocator locator =
        new MapBuilder()
            .grid("N", GridLevel.STREET, null, cell(0, 0, 3, 1))
            .grid("N1", GridLevel.COMMUNITY, "N", cell(0, 0, 1, 1))
            .grid("N2", GridLevel.COMMUNITY, "N", cell(1.2, 0, 3, 1))
            .locator();
    double metresPerUnitX = S * 111_320 * Math.cos(Math.toRadians(Y - 0.5 * S));
    // 0.05 units left of the map: about 46 m.
    Location snapped = locator.locateOrNearest(X - 0.05 * S, Y + 0.5 * S, 100).orElseThrow();
    assertThat(snapped.leaf()).isEqualTo(GridId.of("N1"));
    assertThat(snapped.snapped()).isTrue();
    assertThat(snapped.snapDistanceMetres())
        .isCloseTo(0.05 * metresPerUnitX, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(locator.locateOrNearest(X - 0.05 * S, Y + 0.5 * S, 40)).isEmpty();
    // In the gap between N1 and N2 the parent covers the point; it snaps to the nearer child.
    Location gap = locator.locateOrNearest(X + 1.15 * S, Y + 0.5 * S, 200).orElseThrow();
    assertThat(gap.leaf()).isEqualTo(GridId.of("N2"));
    assertThat(gap.snapped()).isTrue();
    assertThat(gap.path()).containsExactly(GridId.of("N"), GridId.of("N2"));
    Location notSnapped = locator.locateOrNearest(X + 1.15 * S, Y + 0.5 * S, 10).orElseThrow();
    assertThat(notSnapped.leaf()).isEqualTo(GridId.of("N"));
    assertThat(notSnapped.snapped()).isFalse();
    // Inside a leaf nothing moves.
    Location inside = locator.locateOrNearest(X + 0.5 * S, Y + 0.5 * S, 1000).orElseThrow();
    assertThat(inside.snapped()).isFalse();
    assertThat(inside.snapDistanceMetres()).isZero();
    assertThatThrownBy(() -> locator.locateOrNearest(X, Y, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> locator.locateOrNearest(X, Y, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void snappingPicksTheLeafWithTheNearestBoundaryInTheGeneratedCity() {
    SyntheticCity city = TestCities.small();
    GridLocator locator = TestCities.smallLocator();
    Random rnd = new Random(17);
    int snapped = 0;
    for (int i = 0; i < 300; i++) {
      double x =
          city.extent().getMinX() + (rnd.nextDouble() * 1.2 - 0.1) * city.extent().getWidth();
      double y =
          city.extent().getMinY() + (rnd.nextDouble() * 1.2 - 0.1) * city.extent().getHeight();
      if (locator.locateLeaf(x, y) >= 0) {
        continue;
      }
      var result = locator.locateOrNearest(x, y, 800);
      // Brute force over every leaf, in the same local metric.
      double kx = 111_320 * Math.cos(Math.toRadians(y));
      double best = Double.POSITIVE_INFINITY;
      for (GridId leaf : city.leaves()) {
        best = Math.min(best, metres(city.polygons().get(leaf), x, y, kx));
      }
      if (best <= 800) {
        Location loc = result.orElseThrow();
        assertThat(loc.snapped()).isTrue();
        assertThat(loc.snapDistanceMetres())
            .isCloseTo(best, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(metres(city.polygons().get(loc.leaf()), x, y, kx))
            .isCloseTo(best, org.assertj.core.data.Offset.offset(1e-6));
        snapped++;
      } else {
        assertThat(result).isEmpty();
      }
    }
    assertThat(snapped).isGreaterThan(5);
  }

  private static double metres(Polygon p, double x, double y, double kx) {
    double best = Double.POSITIVE_INFINITY;
    Coordinate[] cs = p.getCoordinates();
    for (int i = 0; i + 1 < cs.length; i++) {
      double ax = (cs[i].x - x) * kx;
      double ay = (cs[i].y - y) * 110_574;
      double bx = (cs[i + 1].x - x) * kx;
      double by = (cs[i + 1].y - y) * 110_574;
      double dx = bx - ax;
      double dy = by - ay;
      double t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
    return best;
  }

  // ------------------------------------------------------------------ coordinate systems

  @Test
  void aLookupInAnotherSystemIsConvertedToTheMapsSystem() {
    // The map is drawn in GCJ-02: the WGS-84 square shifted by the GCJ-02 offset.
    GeoPoint sw = CoordinateSystem.WGS84.convert(X, Y, CoordinateSystem.GCJ02);
    GeoPoint ne = CoordinateSystem.WGS84.convert(X + S, Y + S, CoordinateSystem.GCJ02);
    MapBuilder m =
        new MapBuilder()
            .grid("G", GridLevel.STREET, null, box(sw.lon(), sw.lat(), ne.lon(), ne.lat()));
    GridLocator locator = GridLocator.build(m.hierarchy(), m.polygons(), CoordinateSystem.GCJ02);
    assertThat(locator.coordinateSystem()).isEqualTo(CoordinateSystem.GCJ02);
    // A WGS-84 point just inside the south-west corner: inside after conversion...
    assertThat(locator.locate(X + 1e-5, Y + 1e-5, CoordinateSystem.WGS84)).isPresent();
    // ...but outside when taken as GCJ-02 (the offset is a few hundred metres).
    assertThat(locator.locate(X + 1e-5, Y + 1e-5)).isEmpty();
    GeoPoint bd = CoordinateSystem.WGS84.convert(X + S / 2, Y + S / 2, CoordinateSystem.BD09);
    assertThat(locator.locate(bd.lon(), bd.lat(), CoordinateSystem.BD09)).isPresent();
    assertThat(
            locator
                .locateOrNearest(X - 1e-4, Y + S / 2, 50, CoordinateSystem.WGS84)
                .orElseThrow()
                .snapped())
        .isTrue();
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void badPositionsAreRejected() {
    GridLocator locator =
        new MapBuilder().grid("B", GridLevel.STREET, null, cell(0, 0, 1, 1)).locator();
    for (double[] p :
        new double[][] {
          {Double.NaN, Y}, {X, Double.NaN}, {180.5, Y}, {X, -90.5}, {Double.POSITIVE_INFINITY, 0}
        }) {
      assertThatThrownBy(() -> locator.locate(p[0], p[1]))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> locator.locateLeaf(p[0], p[1]))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> locator.exclusiveAt(p[0], p[1]))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> locator.locate(p[0], p[1], CoordinateSystem.GCJ02))
          .isInstanceOf(IllegalArgumentException.class);
    }
    // In a batch a bad position gets its own answer and the others are answered as usual.
    int[] out = {7, 7, 7, 7, 7, 7, 7};
    locator.locateAll(
        new double[] {
          X + S / 2, Double.NaN, X + S / 2, 180.5, Double.NEGATIVE_INFINITY, X + 5 * S, X
        },
        new double[] {Y + S / 2, Y, Double.NaN, Y, Y, Y, Double.POSITIVE_INFINITY},
        out);
    int b = locator.hierarchy().ordinalOf(GridId.of("B")).getAsInt();
    assertThat(out)
        .containsExactly(
            b,
            GridLocator.INVALID_POSITION,
            GridLocator.INVALID_POSITION,
            GridLocator.INVALID_POSITION,
            GridLocator.INVALID_POSITION,
            GridLocator.OUTSIDE,
            GridLocator.INVALID_POSITION);
    int[] untouched = {7, 7};
    assertThatThrownBy(() -> locator.locateAll(new double[] {X}, new double[] {Y, Y}, untouched))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 longitudes, 2 latitudes");
    assertThat(untouched).containsExactly(7, 7); // nothing half-written
    assertThatThrownBy(
            () -> locator.locateAll(new double[] {X, X}, new double[] {Y, Y}, new int[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 outputs");
    assertThatThrownBy(() -> locator.locateAll(null, new double[0], new int[0]))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("lons");
    assertThatThrownBy(() -> locator.locateAll(new double[0], new double[0], null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("outLeafOrdinals");
    assertThatThrownBy(() -> locator.exclusiveAt(X, Y, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("out");
    assertThatThrownBy(() -> locator.locate(X, Y, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("inputSystem");
    assertThatThrownBy(() -> locator.pathOrdinals(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ordinal 1")
        .hasMessageContaining("0..0");
    assertThatThrownBy(() -> locator.pathOrdinals(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> locator.locateOrNearest(X, Y, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxMetres")
        .hasMessageContaining("Infinity");
    // The extremes of the range are fine.
    assertThat(locator.locate(180, 90)).isEmpty();
    assertThat(locator.locate(-180, -90)).isEmpty();
  }

  @Test
  void badMapsAreRejectedNamingTheGrid() {
    GridHierarchy h = new MapBuilder().grid("B", GridLevel.STREET, null, null).hierarchy();
    assertThatThrownBy(() -> GridLocator.build(h, Map.of(GridId.of("nope"), cell(0, 0, 1, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
    Geometry line =
        MapBuilder.FACTORY.createLineString(
            new Coordinate[] {new Coordinate(X, Y), new Coordinate(X + S, Y)});
    assertThatThrownBy(() -> GridLocator.build(h, Map.of(GridId.of("B"), line)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("B")
        .hasMessageContaining("LineString");
    Geometry nan = ring(X, Y, X + S, Y, X + S, Double.NaN);
    assertThatThrownBy(() -> GridLocator.build(h, Map.of(GridId.of("B"), nan)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("B");
  }

  @Test
  void anEmptyMapLocatesNothing() {
    GridLocator locator =
        GridLocator.build(
            new MapBuilder().grid("B", GridLevel.STREET, null, null).hierarchy(), Map.of());
    assertThat(locator.locate(X, Y)).isEmpty();
    assertThat(locator.locateOrNearest(X, Y, 1000)).isEmpty();
    assertThat(locator.exclusiveAt(X, Y)).isEmpty();
  }
}
